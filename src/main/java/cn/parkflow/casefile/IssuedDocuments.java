package cn.parkflow.casefile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official documents the server issues, stored with the case as documents that nobody changes:
 * no API updates or deletes a case document, and an issued kind is declared by no process, so no
 * upload can carry it. Each is issued once per step, and the audit trail keeps its SHA-256, so a
 * printed copy can be checked against the record. Listed and downloaded like every case document
 * ({@link CaseDocuments}), by whoever may read the case.
 */
@Service
@Transactional
public class IssuedDocuments {

    /** The audit action of an issued document. */
    public static final String ISSUED = "DOCUMENT_ISSUED";

    private final DocumentRepository documents;
    private final CaseFile caseFile;
    private final Clock clock;

    IssuedDocuments(DocumentRepository documents, CaseFile caseFile, Optional<Clock> clock) {
        this.documents = documents;
        this.caseFile = caseFile;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Stores the file and records who issued it with its number and digest; the case may be closed already. */
    public CaseDocument issue(String caseNumber, IssuedFile file, String actor) {
        caseFile.get(caseNumber);
        String sha256 = sha256(file.content());
        documents.insertIssued(caseNumber, file, sha256, actor, clock.instant());
        caseFile.record(caseNumber, actor, ISSUED, file.kindLabel(),
                file.documentNumber() + "：" + file.fileName() + "，SHA-256 " + sha256);
        return issuedAt(caseNumber, file.step()).orElseThrow();
    }

    /** The document a step issued, if it did: a retried step finds it instead of issuing another. */
    @Transactional(readOnly = true)
    public Optional<CaseDocument> issuedAt(String caseNumber, String step) {
        return documents.issuedAt(caseNumber, step).map(row -> CaseDocuments.toDocument(row, row.kind()));
    }

    /** The latest document of the case issued as one of {@code kinds}, e.g. for a mail about it. */
    @Transactional(readOnly = true)
    public Optional<CaseDocument> latest(String caseNumber, List<String> kinds) {
        return documents.latestIssued(caseNumber, kinds).map(row -> CaseDocuments.toDocument(row, row.kind()));
    }

    /** A case document's file, for the server's own work (a mail attachment); users download through {@link CaseDocuments}. */
    @Transactional(readOnly = true)
    public Optional<DocumentContent> content(String caseNumber, long id) {
        return documents.content(caseNumber, id);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
