package cn.parkflow.casefile;

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
               Instant uploadedAt) {
    }

    long insert(String caseNumber, String kind, String fileName, String contentType, byte[] content, String user,
                Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO case_document (case_number, kind, file_name, content_type, size_bytes, content, "
                        + "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseNumber, kind, fileName, contentType, content.length, content, user, CaseRepository.at(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    List<Row> list(String caseNumber) {
        return jdbc.sql("SELECT id, kind, file_name, content_type, size_bytes, uploaded_by, uploaded_at "
                        + "FROM case_document WHERE case_number = ? ORDER BY id")
                .param(caseNumber)
                .query((rs, row) -> new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()))
                .list();
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
}
