package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import cn.parkflow.casefile.DocumentContent;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpMailAdapterTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private SmtpGate gate;
    private SmtpMailAdapter adapter;

    @BeforeEach
    void connect() {
        gate = new SmtpGate(greenMail.getSmtp().getPort());
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(gate.port());
        adapter = new SmtpMailAdapter(sender, TestProperties.standard());
    }

    @AfterEach
    void close() {
        gate.close();
    }

    @Test
    void shouldSendChineseSubjectTextAndHtmlWithAStableMessageId() throws Exception {
        adapter.send(mail("stc@parkflow.example"));

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("【园区案件】待办任务：形式审查（INC-2026-0001）");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("园区案件管理系统");
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("stc@parkflow.example");
        assertThat(DemoMailCatcher.part(received, "text/plain")).contains("案件 INC-2026-0001 有一项新的待办任务");
        assertThat(DemoMailCatcher.part(received, "text/html")).contains("<b>形式审查</b>");
        assertThat(received.getMessageID()).isEqualTo("<notification-7@parkflow>");
    }

    @Test
    void shouldAttachTheCertificatePdfUnderItsChineseName() throws Exception {
        byte[] pdf = "%PDF-1.7 认定证书".getBytes(StandardCharsets.UTF_8);
        OutgoingMail plain = mail("applicant1@parkflow.example");

        adapter.send(new OutgoingMail(plain.to(), null, plain.messageId(), plain.content(),
                new DocumentContent("认定证书（闵科孵认〔2026〕3号）.pdf", "application/pdf", pdf)));

        MimeMultipart parts = (MimeMultipart) greenMail.getReceivedMessages()[0].getContent();
        BodyPart attachment = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                attachment = parts.getBodyPart(i);
            }
        }
        assertThat(attachment).as("attachment").isNotNull();
        assertThat(MimeUtility.decodeText(attachment.getFileName())).isEqualTo("认定证书（闵科孵认〔2026〕3号）.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(pdf);
        assertThat(DemoMailCatcher.part(greenMail.getReceivedMessages()[0], "text/plain")).contains("有一项新的待办任务");
    }

    @Test
    void shouldSendAllMailsOfASessionOverOneConnection() throws Exception {
        try (MailPort.Session session = adapter.session()) {
            session.send(mail("a@parkflow.example"));
            session.send(mail("b@parkflow.example"));
            session.send(mail("c@parkflow.example"));
        }

        assertThat(greenMail.getReceivedMessages()).hasSize(3);
        assertThat(gate.connections()).isEqualTo(1);
    }

    @Test
    void shouldReconnectForTheNextMailAfterAFailure() throws Exception {
        try (MailPort.Session session = adapter.session()) {
            gate.mode(SmtpGate.Mode.REJECT);
            assertThatThrownBy(() -> session.send(mail("nobody@parkflow.example"))).isInstanceOf(DeliveryException.class);
            gate.mode(SmtpGate.Mode.FORWARD);
            session.send(mail("stc@parkflow.example"));
        }

        assertThat(greenMail.getReceivedMessages()).extracting(message -> message.getAllRecipients()[0].toString())
                .containsExactly("stc@parkflow.example");
    }

    @Test
    void shouldMarkTheOriginalRecipientWhenRedirected() throws Exception {
        adapter.send(mail("applicant1@parkflow.example").redirectedTo("qa@parkflow.test"));

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("qa@parkflow.test");
        assertThat(received.getSubject()).startsWith("[原收件人 applicant1@parkflow.example] 【园区案件】");
        assertThat(received.getHeader("X-Parkflow-Original-To")).containsExactly("applicant1@parkflow.example");
    }

    @Test
    void shouldReportARejectedRecipientAsPermanent() {
        gate.mode(SmtpGate.Mode.REJECT);

        assertThatThrownBy(() -> adapter.send(mail("nobody@parkflow.example")))
                .isInstanceOfSatisfying(DeliveryException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
                    assertThat(failure.getMessage()).contains("550").contains("User unknown");
                });
    }

    @Test
    void shouldReportAGreylistedRecipientAsTransient() {
        gate.mode(SmtpGate.Mode.BUSY);

        assertThatThrownBy(() -> adapter.send(mail("stc@parkflow.example")))
                .isInstanceOfSatisfying(DeliveryException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(DeliveryException.Kind.TRANSIENT);
                    assertThat(failure.getMessage()).contains("450");
                });
    }

    /** A 5xx that every mail would get alike is the server's state, not the mail's: it must not fail the mail for good. */
    @Test
    void shouldReportAServerRefusingOurSenderOrItsGreetingAsUnreachableNotPermanent() {
        for (SmtpGate.Mode refusing : new SmtpGate.Mode[] {SmtpGate.Mode.REFUSE, SmtpGate.Mode.CLOSED}) {
            gate.mode(refusing);

            assertThatThrownBy(() -> adapter.send(mail("stc@parkflow.example"))).as(refusing.name())
                    .isInstanceOfSatisfying(DeliveryException.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(DeliveryException.Kind.UNREACHABLE);
                        assertThat(failure.getMessage()).contains("554");
                    });
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldReportARefusedConnectionAsUnreachable() {
        gate.mode(SmtpGate.Mode.DOWN);

        assertThatThrownBy(() -> adapter.send(mail("stc@parkflow.example")))
                .isInstanceOfSatisfying(DeliveryException.class,
                        failure -> assertThat(failure.kind()).isEqualTo(DeliveryException.Kind.UNREACHABLE));
    }

    @Test
    void shouldGiveUpOnAServerThatNeverAnswersWithinTheReadTimeout() {
        gate.mode(SmtpGate.Mode.SILENT);
        long started = System.nanoTime();

        assertThatThrownBy(() -> adapter.send(mail("stc@parkflow.example")))
                .isInstanceOfSatisfying(DeliveryException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(DeliveryException.Kind.UNREACHABLE);
                    assertThat(failure.getMessage()).containsIgnoringCase("timed out");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TestProperties.TIMEOUT.multipliedBy(5));
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldWaitForASlowServersConfirmationRatherThanGiveTheMailUpAndSendItTwice() throws Exception {
        gate.mode(SmtpGate.Mode.SLOW_TO_CONFIRM);
        int before = SmtpGate.accepted();
        long started = System.nanoTime();

        adapter.send(mail("stc@parkflow.example"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("longer than the read timeout")
                .isGreaterThan(SmtpGate.SLOW_CONFIRMATION).isGreaterThan(TestProperties.TIMEOUT.multipliedBy(2));
        assertThat(SmtpGate.accepted() - before).isEqualTo(1);
    }

    static OutgoingMail mail(String to) {
        return new OutgoingMail(to, null, "<notification-7@parkflow>", new RenderedMail(
                "【园区案件】待办任务：形式审查（INC-2026-0001）", "案件 INC-2026-0001 有一项新的待办任务。\n",
                "<p>办理环节 <b>形式审查</b></p>"));
    }
}
