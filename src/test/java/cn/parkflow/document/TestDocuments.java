package cn.parkflow.document;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.parkflow.casefile.CaseDocument;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.IssuedDocuments;
import cn.parkflow.casefile.IssuedFile;
import cn.parkflow.casefile.NumberSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The kernel's real official documents for a process test on {@code ProcessEngineTest}: the real
 * templates, data beans and PDF writer, numbered from an in-memory series and issued into a list
 * ({@link #issued()}) instead of the database. {@link #register} puts them where the test engine's
 * {@code document} properties ({@link #plugin()}, in {@code camunda.cfg.xml}) and {@code ${makeDocument}}
 * steps find them; a test that registers nothing issues nothing.
 */
public final class TestDocuments {

    static final String NAME = "officialDocuments";
    private static final Map<String, String> ISSUERS = Map.of("stc", "上海市闵行区科学技术委员会",
            "supervision", "闵行区重点区域开发领导小组办公室", "amr", "上海市闵行区市场监督管理局",
            "ip-mediation", "上海市闵行区知识产权人民调解委员会", "ip-station", "大零号湾知识产权维权援助工作站",
            "culture", "上海市闵行区文化和旅游局");
    private static final DocumentTemplates TEMPLATES = new DocumentTemplates();
    private static final OfficialDocuments NONE = mock(OfficialDocuments.class);

    private final List<IssuedFile> issued = new ArrayList<>();

    private TestDocuments() {
    }

    /** The {@code document} property plugin of the test engine: it issues through whatever {@link #register} put in Mocks. */
    public static ProcessEnginePlugin plugin() {
        return new DeclaredDocuments(new StaticListableBeanFactory(Map.of()).getBeanProvider(OfficialDocuments.class)) {
            @Override
            OfficialDocuments documents() {
                return Mocks.get(NAME) instanceof OfficialDocuments registered ? registered : NONE;
            }
        };
    }

    /** Real documents for cases of the test's mocked {@code caseFile}, with the process's {@code data}. */
    public static TestDocuments register(CaseFile caseFile, DocumentData... data) {
        TestDocuments documents = new TestDocuments();
        Map<String, AtomicInteger> series = new HashMap<>();
        NumberSeries numbers = mock(NumberSeries.class);
        when(numbers.next(anyString(), anyInt())).thenAnswer(call ->
                series.computeIfAbsent(call.getArgument(0), name -> new AtomicInteger()).incrementAndGet());
        IssuedDocuments store = mock(IssuedDocuments.class);
        when(store.issuedAt(anyString(), anyString())).thenAnswer(call -> documents.issued.stream()
                .filter(file -> file.step().equals(call.getArgument(1))).findFirst().map(TestDocuments::listed));
        when(store.issue(anyString(), any(), anyString())).thenAnswer(call -> {
            IssuedFile file = call.getArgument(1);
            documents.issued.add(file);
            return listed(file);
        });
        OfficialDocuments official = new OfficialDocuments(TEMPLATES, new PdfWriter(), numbers, store, caseFile,
                new DocumentProperties(ISSUERS), List.of(data));
        Mocks.register(NAME, official);
        Mocks.register("makeDocument", new MakeDocumentDelegate(official));
        return documents;
    }

    /** What was issued, in order. */
    public List<IssuedFile> issued() {
        return issued;
    }

    /** The one document of template {@code kind}. */
    public IssuedFile the(String kind) {
        List<IssuedFile> found = issued.stream().filter(file -> file.kind().equals(kind)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", issued: " + issued.stream().map(IssuedFile::kind).toList());
        }
        return found.get(0);
    }

    /** The PDF's text without white space (line breaks and letter-spacing), as a reader copies it. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CaseDocument listed(IssuedFile file) {
        return new CaseDocument(1, file.kind(), file.kindLabel(), file.fileName(), file.contentType(),
                file.content().length, CaseFile.SYSTEM, Instant.now(), file.documentNumber(), "sha256");
    }
}
