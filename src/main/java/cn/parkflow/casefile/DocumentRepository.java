package cn.parkflow.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code case_document}: the files of every case, content included. */
@Repository
class DocumentRepository {

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A listed row; the kind's label is the declaring process's, added by the caller. */
    record Row(long id, String kind, String fileName, String contentType, long sizeBytes, String uploadedBy,
               Instant uploadedAt, String documentNumber, String sha256, String kindLabel) {
    }

    private static final String ROW_COLUMNS = "id, kind, file_name, content_type, size_bytes, uploaded_by, uploaded_at, "
            + "document_number, sha256, kind_label";

    long insert(String caseNumber, String kind, String fileName, String contentType, byte[] content, String user,
                Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO case_document (case_number, kind, file_name, content_type, size_bytes, content, "
                        + "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseNumber, kind, fileName, contentType, content.length, content, user, CaseRepository.at(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** An issued document: read-only, numbered, its digest and the step that issued it kept. */
    long insertIssued(String caseNumber, IssuedFile file, String sha256, String user, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO case_document (case_number, kind, file_name, content_type, size_bytes, content, "
                        + "uploaded_by, uploaded_at, document_number, sha256, kind_label, issued_step) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseNumber, file.kind(), file.fileName(), file.contentType(), file.content().length,
                        file.content(), user, CaseRepository.at(at), file.documentNumber(), sha256, file.kindLabel(),
                        file.step())
                .update(key, "id");
        return key.getKey().longValue();
    }

    List<Row> list(String caseNumber) {
        return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM case_document WHERE case_number = ? ORDER BY id")
                .param(caseNumber).query(DocumentRepository::toRow).list();
    }

    Optional<Row> issuedAt(String caseNumber, String step) {
        return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM case_document WHERE case_number = ? AND issued_step = ?")
                .params(caseNumber, step).query(DocumentRepository::toRow).optional();
    }

    /** The latest issued document of one of the kinds. */
    Optional<Row> latestIssued(String caseNumber, List<String> kinds) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM case_document WHERE case_number = :number "
                        + "AND issued_step IS NOT NULL AND kind IN (:kinds) ORDER BY id DESC LIMIT 1")
                .param("number", caseNumber).param("kinds", kinds).query(DocumentRepository::toRow).optional();
    }

    private static Row toRow(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), rs.getString("document_number"),
                rs.getString("sha256"), rs.getString("kind_label"));
    }

    Optional<DocumentContent> content(String caseNumber, long id) {
        return jdbc.sql("SELECT file_name, content_type, content FROM case_document WHERE case_number = ? AND id = ?")
                .params(caseNumber, id)
                .query((rs, row) -> new DocumentContent(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .optional();
    }

    List<String> kinds(String caseNumber) {
        return jdbc.sql("SELECT DISTINCT kind FROM case_document WHERE case_number = ?")
                .param(caseNumber).query(String.class).list();
    }

    List<String> kindsSince(String caseNumber, Instant since) {
        return jdbc.sql("SELECT DISTINCT kind FROM case_document WHERE case_number = ? AND uploaded_at >= ?")
                .param(caseNumber).param(CaseRepository.at(since)).query(String.class).list();
    }
}
