package cn.parkflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PIPL retention on PostgreSQL with the engine's clock moved forward: a closed case loses its
 * engine history, audit events, outbox mail and documents once the retention of its process ends
 * (here the fixture model's historyTimeToLive, 30 days); an open case keeps everything.
 */
@Tag("isolated") // a JVM and database of its own: it moves the engine's clock ten years on and ends the
// retention of every closed case and all finished history in the database (and counts what it removed)
class CaseRetentionTest extends PostgresApplicationTest {

    private static final Logger log = LoggerFactory.getLogger(CaseRetentionTest.class);

    @Autowired
    CaseFile caseFile;
    @Autowired
    CaseRetention retention;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldRemoveAClosedCasesDataAfterItsRetentionAndLeaveAnOpenCaseAlone() {
        // given a case handled and closed today, and one still open, each with a document and a mail
        String closed = openWithProcessDocumentAndMail("applicant1");
        tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(closed).singleResult().getId(),
                Map.of("opinion", "已办理"));
        caseFile.close(closed, "已办结", CaseFile.SYSTEM);
        String open = openWithProcessDocumentAndMail("applicant2");
        String closedBefore = rows(closed);
        String openBefore = rows(open);
        assertThat(closedBefore).doesNotContain("0");
        Instant now = Instant.now();

        // when the engine's clock stands one day before the fixture's 30 days have passed
        ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(29))));
        assertThat(retention.run()).doesNotContainKey("cases");
        assertThat(rows(closed)).isEqualTo(closedBefore);

        // when they have passed
        ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(31))));
        long historyBeforeRun = historyRows();
        Map<String, Integer> removed = retention.run();
        log.info("The closed case's retention run removed {} and {} ACT_HI_* rows", removed,
                historyBeforeRun - historyRows());

        // then the closed case's history, events, documents and mail are gone, its applicant too
        String[] before = closedBefore.split("/");
        assertThat(removed).containsEntry("cases", 1).containsEntry("history", Integer.valueOf(before[0]))
                .containsEntry("events", Integer.valueOf(before[1])).containsEntry("documents", 1)
                .containsEntry("outbox", Integer.valueOf(before[3]));
        assertThat(rows(closed)).as("history/events/documents/outbox").isEqualTo("0/0/0/0");
        CaseRecord record = caseFile.get(closed);
        assertThat(record.applicantUser()).isNull();
        assertThat(record.outcome()).isEqualTo("已办结");
        // and the open case keeps all of it
        assertThat(rows(open)).isEqualTo(openBefore);
        assertThat(caseFile.get(open).applicantUser()).isEqualTo("applicant2");

        // the demo data after the incubator models' retention (3650 days): what one run of each removes
        ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(3651))));
        log.info("One case retention run on the demo data after 3651 days removed {}", retention.run());
        long historyBefore = historyRows();
        log.info("Demo data: {} finished process instances, {} of them with a removal time before now",
                history.createHistoricProcessInstanceQuery().finished().count(),
                jdbc.sql("SELECT count(*) FROM act_hi_procinst WHERE removal_time_ <= ?")
                        .param(new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime())).query(Long.class).single());
        Job cleanup = history.cleanUpHistoryAsync(true);
        try {
            management.executeJob(cleanup.getId());
        } catch (ProcessEngineException takenByTheJobExecutor) {
            // the job executor ran it first
        }
        log.info("One Camunda history cleanup run after 3651 days removed {} of {} ACT_HI_* rows",
                historyBefore - historyRows(), historyBefore);
        assertThat(rows(open)).isEqualTo(openBefore);
    }

    private String openWithProcessDocumentAndMail(String applicant) {
        String number = caseFile.open(new NewCase("RET", "留存测试", applicant, "测试企业", "amr"), applicant).number();
        runtime.startProcessInstanceByKey("foundation-fixture", number, Map.of("topic", "trademark"));
        jdbc.sql("INSERT INTO case_document (case_number, kind, file_name, content_type, size_bytes, content, "
                        + "uploaded_by, uploaded_at) VALUES (?, 'APPLICATION_FORM', 'a.pdf', 'application/pdf', 4, ?, ?, ?)")
                .params(number, "%PDF".getBytes(), applicant, OffsetDateTime.now()).update();
        jdbc.sql("INSERT INTO notification (dedup_key, recipient, address, template, case_number, subject, body_text, "
                        + "body_html, status, next_attempt_at, created_at, origin_node) VALUES (?, ?, ?, 'task-created', "
                        + "?, '主题', '正文', '<p>正文</p>', 'SENT', ?, ?, 'test')")
                .params("retention:" + number, applicant, applicant + "@parkflow.example", number,
                        OffsetDateTime.now(), OffsetDateTime.now()).update();
        return number;
    }

    private long historyRows() {
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name LIKE 'act\\_hi\\_%'").query(String.class).list();
        return tables.stream().mapToLong(table -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single())
                .sum();
    }

    /** history/events/documents/outbox rows of the case. */
    private String rows(String number) {
        long instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).count();
        return instances + "/" + count("case_event", number) + "/" + count("case_document", number) + "/"
                + count("notification", number);
    }

    private int count(String table, String number) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE case_number = ?").param(number)
                .query(Integer.class).single();
    }
}
