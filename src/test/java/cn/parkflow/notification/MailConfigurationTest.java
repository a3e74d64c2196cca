package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;

/** Which mail server the application uses in which profile, and the demo catcher end to end. */
class MailConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(NotificationProperties.class, TestProperties::standard)
            .withUserConfiguration(DemoMailCatcherConfiguration.class, MailConfiguration.class);

    @Test
    void shouldCatchAllMailInProcessInTheDemoProfileWithoutAMailServer() {
        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("demo")).run(context -> {
            assertThat(context).hasSingleBean(DemoMailCatcher.class).getBean(MailPort.class)
                    .isInstanceOf(SmtpMailAdapter.class);

            context.getBean(MailPort.class).send(SmtpMailAdapterTest.mail("stc@parkflow.example"));

            DemoMailCatcher catcher = context.getBean(DemoMailCatcher.class);
            assertThat(catcher.mails()).singleElement().satisfies(mail -> {
                assertThat(mail.to()).isEqualTo("stc@parkflow.example");
                assertThat(mail.subject()).isEqualTo("【园区案件】待办任务：形式审查（INC-2026-0001）");
                assertThat(mail.text()).contains("有一项新的待办任务");
            });
            assertThat(catcher.html(0)).hasValueSatisfying(html -> assertThat(html).contains("<b>形式审查</b>"));
            assertThat(catcher.html(1)).isEmpty();
        });
    }

    @Test
    void shouldNotCatchMailWhenAMailServerIsConfigured() {
        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("demo"))
                .withPropertyValues("spring.mail.host=mail.parkflow.test")
                .run(context -> assertThat(context).doesNotHaveBean(DemoMailCatcher.class)
                        .doesNotHaveBean(JavaMailSender.class));
    }

    @Test
    void shouldKeepMailPendingWithAReasonWhenNoServerIsConfiguredOutsideProduction() {
        runner.run(context -> assertThatThrownBy(() -> context.getBean(MailPort.class)
                .send(SmtpMailAdapterTest.mail("stc@parkflow.example")))
                .isInstanceOfSatisfying(DeliveryException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(DeliveryException.Kind.UNREACHABLE);
                    assertThat(failure.getMessage()).isEqualTo(MailConfiguration.NO_SERVER);
                }));
    }

    @Test
    void shouldRefuseToStartInProductionWithoutAMailServer() {
        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("prod"))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("spring.mail.host"));
    }
}
