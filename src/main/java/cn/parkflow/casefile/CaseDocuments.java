package cn.parkflow.casefile;

import cn.parkflow.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The documents stored with a case: only the kinds its process declared ({@link DocumentKinds}),
 * within the size and type limits, the type checked on the bytes, not on the declared content type
 * alone. Uploaded by the case's applicant or an officer of its department, read by whoever may read
 * the case. Every upload is an audit event and a {@link CaseDocumentAdded}; a refusal stores nothing.
 */
@Service
@Transactional
public class CaseDocuments {

    /** The audit action of an upload (the incubator's attachments wrote it before the kernel took them over). */
    public static final String ADDED = "ATTACHMENT_ADDED";

    private final DocumentRepository documents;
    private final DocumentCatalog catalog;
    private final DocumentProperties limits;
    private final CaseFile caseFile;
    private final CaseAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseDocuments(DocumentRepository documents, DocumentCatalog catalog, DocumentProperties limits, CaseFile caseFile,
                  CaseAccess access, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.documents = documents;
        this.catalog = catalog;
        this.limits = limits;
        this.caseFile = caseFile;
        this.access = access;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public CaseDocument add(String caseNumber, String kind, String fileName, String contentType, byte[] bytes,
                            CurrentUser user) {
        CaseRecord record = access.requireUploader(caseNumber, user);
        if (record.isClosed()) {
            throw new ErrorResponseException(HttpStatus.CONFLICT,
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "案件已结案，不能再上传材料"), null);
        }
        String label = catalog.label(record.type(), kind)
                .orElseThrow(() -> new IllegalArgumentException(catalog.refusal(record.type())));
        if (fileName == null || fileName.isBlank() || fileName.length() > 200) {
            throw new IllegalArgumentException("file：文件名不能为空且不能超过200字");
        }
        if (bytes.length == 0 || bytes.length > limits.maxBytes()) {
            throw new IllegalArgumentException("file：文件大小应在1字节至" + size(limits.maxBytes()) + "之间");
        }
        if (contentType == null || !limits.types().contains(contentType) || !FileSignature.matches(contentType, bytes)) {
            throw new IllegalArgumentException("file：仅接受 " + limits.types().stream().map(FileSignature.NAMES::get)
                    .collect(Collectors.joining("、")) + " 文件（文件内容须与类型一致）");
        }
        long id = documents.insert(caseNumber, kind, fileName, contentType, bytes, user.id(), clock.instant());
        caseFile.record(caseNumber, user.id(), ADDED, "上传附件", label + "：" + fileName);
        CaseDocument added = list(record).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
        events.publishEvent(new CaseDocumentAdded(caseNumber, record.type(), added));
        return added;
    }

    /** The case's documents, for a caller who may read the case. */
    @Transactional(readOnly = true)
    public List<CaseDocument> list(String caseNumber, CurrentUser user) {
        CaseRecord record = access.requireReadable(caseNumber, user);
        return list(record).stream().filter(document -> maySee(user, record, document.kind(), document.uploadedBy()))
                .toList();
    }

    /** The case's documents, for a process. */
    @Transactional(readOnly = true)
    public List<CaseDocument> list(String caseNumber) {
        return list(caseFile.get(caseNumber));
    }

    @Transactional(readOnly = true)
    public DocumentContent content(String caseNumber, long id, CurrentUser user) {
        CaseRecord record = access.requireReadable(caseNumber, user);
        DocumentRepository.Row row = documents.list(caseNumber).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> notFound(id));
        if (!maySee(user, record, row.kind(), row.uploadedBy())) {
            throw CaseAccess.forbidden("此材料仅限承办部门和督查人员查看");
        }
        return documents.content(caseNumber, id).orElseThrow(() -> notFound(id));
    }

    private boolean maySee(CurrentUser user, CaseRecord record, String kind, String uploadedBy) {
        if (!catalog.confidential(record.type(), kind) || user.id().equals(uploadedBy)) {
            return true;
        }
        Set<String> outside = catalog.stepsWithoutConfidentialAccess(record.type());
        return outside.isEmpty() ? access.worksOn(user, record) : access.holdsOpenStep(user, record, outside);
    }

    private static ErrorResponseException notFound(long id) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "材料不存在：" + id), null);
    }

    /** Which of {@code kinds} no document of the case covers yet, in the given order; all of them when there is no such case. */
    @Transactional(readOnly = true)
    public List<String> missingKinds(String caseNumber, Collection<String> kinds) {
        Set<String> present = caseNumber == null ? Set.of() : Set.copyOf(documents.kinds(caseNumber));
        return kinds.stream().filter(kind -> !present.contains(kind)).toList();
    }

    /** The kinds the case lacks among {@code kinds}, counting only documents uploaded at or after {@code since}. */
    public List<String> missingKindsSince(String caseNumber, Collection<String> kinds, Instant since) {
        Set<String> present = caseNumber == null ? Set.of() : Set.copyOf(documents.kindsSince(caseNumber, since));
        return kinds.stream().filter(kind -> !present.contains(kind)).toList();
    }

    private List<CaseDocument> list(CaseRecord record) {
        return documents.list(record.number()).stream().map(row -> toDocument(row, catalog.label(record.type(),
                row.kind()).orElse(row.kind()))).toList();
    }

    /** The listed form of a row; an issued document carries its own label (its template's title). */
    static CaseDocument toDocument(DocumentRepository.Row row, String declaredLabel) {
        return new CaseDocument(row.id(), row.kind(), row.kindLabel() != null ? row.kindLabel() : declaredLabel,
                row.fileName(), row.contentType(), row.sizeBytes(), row.uploadedBy(), row.uploadedAt(),
                row.documentNumber(), row.sha256());
    }

    private static String size(long bytes) {
        long mb = 1024 * 1024;
        return bytes % mb == 0 ? bytes / mb + "MB" : (bytes + 1023) / 1024 + "KB";
    }
}
