package cn.parkflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.parkflow.support.PostgresTestServer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V41 makes the incubator's attachments the kernel's case documents, on both databases. */
@Tag("application")
class CaseDocumentMigrationTest {

    private static final byte[] PDF = {'%', 'P', 'D', 'F'};

    @Test
    void shouldKeepTheIncubatorsAttachmentsWithTheirIdsOnH2() {
        assertAttachmentsBecomeDocuments(new DriverManagerDataSource(
                "jdbc:h2:mem:documents-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    void shouldKeepTheIncubatorsAttachmentsWithTheirIdsOnPostgres() {
        String url = PostgresTestServer.shared().createDatabase("parkflow_documents_" + System.nanoTime());
        assertAttachmentsBecomeDocuments(new DriverManagerDataSource(url, "postgres", ""));
    }

    private static void assertAttachmentsBecomeDocuments(DataSource dataSource) {
        migrate(dataSource, "40");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO case_record (case_number, case_type, title, department, status, opened_at) "
                + "VALUES ('INC-2026-0001', 'INC', '孵化器认定申请', 'stc', 'OPEN', CURRENT_TIMESTAMP)").update();
        for (String file : List.of("申报书.pdf", "营业执照.pdf")) {
            jdbc.sql("INSERT INTO incubator_attachment (case_number, kind, file_name, content_type, size_bytes, content, "
                            + "uploaded_by, uploaded_at) VALUES ('INC-2026-0001', 'APPLICATION_FORM', ?, "
                            + "'application/pdf', 4, ?, 'applicant1', CURRENT_TIMESTAMP)")
                    .params(file, PDF).update();
        }

        migrate(dataSource, "latest");

        DocumentRepository documents = new DocumentRepository(jdbc);
        assertThat(documents.list("INC-2026-0001")).extracting(DocumentRepository.Row::id, DocumentRepository.Row::fileName)
                .containsExactly(tuple(1L, "申报书.pdf"),
                        tuple(2L, "营业执照.pdf"));
        long next = documents.insert("INC-2026-0001", "SITE_PROOF", "场地证明.pdf", "application/pdf", PDF,
                "applicant1", Instant.now());
        assertThat(next).as("the identity counts on after the migrated rows").isEqualTo(3);
        assertThat(documents.content("INC-2026-0001", 1)).hasValueSatisfying(content ->
                assertThat(content.bytes()).isEqualTo(PDF));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'incubator_attachment'")
                .query(Integer.class).single()).isZero();
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }
}
