package cn.parkflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.document.SampleDocuments.Sample;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template rendered with sample data through the real renderer and font: the Chinese text and
 * the document number copy out of the PDF as text, every font the PDF uses is embedded, and each
 * kind is drawn to {@code target/documents/<template>.png} for a person to look at.
 */
class DocumentTemplatesTest {

    private static final Path PICTURES = Path.of("target/documents");
    private static final Map<String, String> ISSUERS = Map.of("stc", "上海市闵行区科学技术委员会",
            "supervision", "闵行区重点区域开发领导小组办公室", "amr", "上海市闵行区市场监督管理局",
            "ip-mediation", "上海市闵行区知识产权人民调解委员会", "ip-station", "大零号湾知识产权维权援助工作站",
            "culture", "上海市闵行区文化和旅游局");

    private static DocumentTemplates templates;
    private static PdfWriter writer;

    @BeforeAll
    static void load() throws IOException {
        templates = new DocumentTemplates();
        writer = new PdfWriter();
        Files.createDirectories(PICTURES);
    }

    static List<Sample> samples() {
        return SampleDocuments.all();
    }

    @Test
    void shouldHaveASampleForEveryTemplate() {
        assertThat(samples()).extracting(Sample::template).containsExactlyInAnyOrderElementsOf(templates.ids());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldPrintTheChineseTextAndTheNumberAsExtractableTextWithEveryFontEmbedded(Sample sample) throws Exception {
        // given
        DocumentTemplate template = templates.find(sample.template()).orElseThrow();
        Map<String, Object> model = new HashMap<>(sample.data());
        DocumentModel.addDocument(model, ISSUERS.get(template.issuer()), sample.number(), SampleDocuments.ISSUED_ON);

        // when
        byte[] pdf = writer.write(template.render(model));

        // then
        try (PDDocument document = Loader.loadPDF(pdf)) {
            drawPages(document, sample.template());
            // line breaks and letter-spacing come out as white space, as they do when copying from a viewer
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains(sample.number(), "二〇二六年十一月二十八日", ISSUERS.get(template.issuer()));
            assertThat(text).contains(sample.expected());
            assertThat(text).doesNotContain("{{", "}}");
            assertThat(fonts(document)).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded())
                    .as("font %s embedded", font.getName()).isTrue());
        }
    }

    /** Every font of every page, of its form XObjects too. */
    private static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            collect(page.getResources(), fonts);
        }
        return fonts;
    }

    private static void collect(PDResources resources, List<PDFont> fonts) throws IOException {
        if (resources == null) {
            return;
        }
        for (var name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (var name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                collect(form.getResources(), fonts);
            }
        }
    }

    /** target/documents/<template>.png, a second page as <template>-2.png. */
    private static void drawPages(PDDocument document, String name) throws IOException {
        PDFRenderer renderer = new PDFRenderer(document);
        try (var earlier = Files.newDirectoryStream(PICTURES, name + "-[0-9]*.png")) {
            for (Path picture : earlier) {
                Files.delete(picture); // a page that a change of layout took away
            }
        }
        for (int page = 0; page < document.getNumberOfPages(); page++) {
            BufferedImage image = renderer.renderImageWithDPI(page, 72, ImageType.RGB);
            ImageIO.write(image, "png", PICTURES.resolve(name + (page == 0 ? "" : "-" + (page + 1)) + ".png").toFile());
        }
    }
}
