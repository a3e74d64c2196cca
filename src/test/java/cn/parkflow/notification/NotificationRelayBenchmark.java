package cn.parkflow.notification;

import cn.parkflow.support.PostgresTestServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * How many notifications one relay delivers per second to a local GreenMail, on PostgreSQL and on
 * H2: rows written first, then one timed {@code deliverDue()} pass over all of them, each row
 * leased, sent and marked as in production. Run after {@code mvn test-compile} and
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) cn.parkflow.notification.NotificationRelayBenchmark [count]}.
 */
public final class NotificationRelayBenchmark {

    private NotificationRelayBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try {
            PostgresTestServer postgres = PostgresTestServer.shared();
            run("PostgreSQL 17", new DriverManagerDataSource(postgres.jdbcUrl(), "postgres", ""), greenMail, count);
            run("H2 (in memory)", new DriverManagerDataSource("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", ""),
                    greenMail, count);
        } finally {
            greenMail.stop();
        }
        System.exit(0);
    }

    private static void run(String database, DataSource dataSource, GreenMail greenMail, int count) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        OutboxRepository outbox = new OutboxRepository(JdbcClient.create(dataSource));
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(greenMail.getSmtp().getPort());
        NotificationProperties properties = TestProperties.standard();
        RelayNode node = new RelayNode();
        NotificationRelay relay = new NotificationRelay(outbox, null, new SmtpMailAdapter(sender, properties), properties,
                node, Optional.empty());
        MailTemplates templates = new MailTemplates();
        RenderedMail mail = templates.render("task-created", java.util.Map.of("caseNumber", "INC-2026-0001",
                "step", "形式审查", "deadline", "2026年3月9日 17:30", "link", "https://parkflow.test/x"));

        write(outbox, mail, node, 200);
        relay.deliverDue(); // warm-up: class loading, JIT, connection set-up
        write(outbox, mail, node, count);
        long started = System.nanoTime();
        int sent = relay.deliverDue();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("%s: %d notifications delivered in %d ms = %.0f per second (one relay, one SMTP connection per pass)%n",
                database, sent, took.toMillis(), sent / (took.toNanos() / 1e9));
        System.out.printf("%s: one durable commit (an UPDATE of one outbox row) takes %.1f ms here; "
                + "a mail costs two (lease, sent)%n", database, commitMillis(dataSource));
        greenMail.reset();
    }

    private static double commitMillis(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long id = jdbc.sql("SELECT MIN(id) FROM notification").query(Long.class).single();
        long started = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            jdbc.sql("UPDATE notification SET attempts = attempts WHERE id = ?").param(id).update();
        }
        return (System.nanoTime() - started) / 200 / 1e6;
    }

    private static void write(OutboxRepository outbox, RenderedMail mail, RelayNode node, int count) {
        String batch = UUID.randomUUID().toString();
        for (int i = 0; i < count; i++) {
            outbox.insert(batch + ":" + i, "officer" + i, "officer" + (i % 50) + "@parkflow.example", "task-created",
                    "INC-2026-0001", mail, NotificationStatus.PENDING, null, Instant.now(), node.id());
        }
    }
}
