package cn.parkflow.document;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseDocument;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.IssuedDocuments;
import cn.parkflow.casefile.IssuedFile;
import cn.parkflow.casefile.NumberSeries;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes an official document: the template filled with the case, the step's variables and what the
 * process adds ({@link DocumentData}), numbered from the kit's {@link NumberSeries} (or with the
 * number a variable holds), written as PDF and issued with the case ({@link IssuedDocuments}: read-only,
 * SHA-256 in the audit trail). In the caller's transaction, so a rolled-back step gives its number
 * back; once per step, so a retried step gets the document it made before.
 */
@Service
@Transactional
public class OfficialDocuments {

    static final String PDF = "application/pdf";

    private final DocumentTemplates templates;
    private final PdfWriter writer;
    private final NumberSeries numbers;
    private final IssuedDocuments issued;
    private final CaseFile caseFile;
    private final DocumentProperties properties;
    private final List<DocumentData> data;

    OfficialDocuments(DocumentTemplates templates, PdfWriter writer, NumberSeries numbers, IssuedDocuments issued,
                      CaseFile caseFile, DocumentProperties properties, List<DocumentData> data) {
        this.templates = templates;
        this.writer = writer;
        this.numbers = numbers;
        this.issued = issued;
        this.caseFile = caseFile;
        this.properties = properties;
        this.data = data;
        templates.ids().forEach(id -> issuer(templates.find(id).orElseThrow()));
    }

    public CaseDocument make(DocumentOrder order) {
        Optional<CaseDocument> made = issued.issuedAt(order.caseNumber(), order.step());
        if (made.isPresent()) {
            return made.get();
        }
        DocumentTemplate template = templates.find(order.template()).orElseThrow(() -> new IllegalArgumentException(
                "未知的公文模板: " + order.template() + "（可用: " + templates.ids() + "）"));
        CaseRecord record = caseFile.get(order.caseNumber());
        LocalDate today = EngineClock.today();
        String number = number(template, order.variables(), today.getYear());
        Map<String, Object> model = DocumentModel.of(order.variables(), record);
        data.stream().filter(process -> process.covers(template.id()))
                .forEach(process -> process.dataFor(template.id(), record.number(), order.variables())
                        .forEach((name, value) -> model.put(name, DocumentModel.shown(value))));
        DocumentModel.addDocument(model, issuer(template), number, today);
        byte[] pdf = writer.write(template.render(model));
        return issued.issue(record.number(), new IssuedFile(template.id(), template.title(), number,
                template.title() + "（" + number + "）.pdf", PDF, pdf, order.step()), CaseFile.SYSTEM);
    }

    private String number(DocumentTemplate template, Map<String, Object> variables, int year) {
        if (template.numberVariable() == null) {
            return template.number(year, numbers.next(template.series(), year));
        }
        Object number = variables.get(template.numberVariable());
        if (number == null || number.toString().isBlank()) {
            throw new IllegalStateException("公文 " + template.id() + " 的编号取自变量 " + template.numberVariable()
                    + "，但该变量为空");
        }
        return number.toString();
    }

    private String issuer(DocumentTemplate template) {
        String issuer = properties.issuers().get(template.issuer());
        if (issuer == null) {
            throw new IllegalStateException("Document template " + template.id() + " names issuer " + template.issuer()
                    + ", which parkflow.documents.issuers does not list: " + properties.issuers().keySet());
        }
        return issuer;
    }
}
