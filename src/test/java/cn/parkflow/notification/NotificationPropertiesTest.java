package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Bad notification settings stop the start with a message naming the setting. */
class NotificationPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Bind.class)
            .withPropertyValues("parkflow.notification.base-url=https://parkflow.test",
                    "parkflow.notification.from=noreply@parkflow.example", "parkflow.notification.from-name=园区",
                    "parkflow.notification.timeouts.connect=10s", "parkflow.notification.timeouts.read=30s",
                    "parkflow.notification.timeouts.write=30s", "parkflow.notification.timeouts.final-reply=10m",
                    "parkflow.notification.relay.enabled=true",
                    "parkflow.notification.relay.poll-interval=5s", "parkflow.notification.relay.batch-size=50",
                    "parkflow.notification.relay.max-attempts=10", "parkflow.notification.relay.initial-backoff=30s",
                    "parkflow.notification.relay.max-backoff=30m", "parkflow.notification.relay.lease=15m",
                    "parkflow.notification.relay.takeover-after=1m", "parkflow.notification.reminders.enabled=true",
                    "parkflow.notification.reminders.blue-before=1", "parkflow.notification.reminders.red-after=3",
                    "parkflow.notification.reminders.steps[0].process=incubator-certification",
                    "parkflow.notification.reminders.steps[0].step=Task_SupplementApplication",
                    "parkflow.notification.reminders.steps[0].levels=BLUE",
                    "parkflow.notification.demo-catcher.enabled=true",
                    "parkflow.notification.demo-catcher.port=0");

    @Test
    void shouldAcceptTheShippedDefaults() {
        runner.run(context -> assertThat(context).hasNotFailed().getBean(NotificationProperties.class)
                .satisfies(properties -> assertThat(properties.redirecting()).isFalse())
                .satisfies(properties -> assertThat(properties.reminders().steps()).singleElement()
                        .satisfies(step -> assertThat(step.levels()).containsExactly(ReminderLevel.BLUE))));
    }

    @Test
    void shouldRefuseAReminderLevelThatIsNoColour() {
        runner.withPropertyValues("parkflow.notification.reminders.steps[0].levels=ORANGE").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("ORANGE"));
    }

    @Test
    void shouldRefuseALeaseShorterThanOneSend() {
        runner.withPropertyValues("parkflow.notification.relay.lease=10m").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("leaseLongerThanOneSend"));
    }

    @Test
    void shouldRefuseABaseUrlWithATrailingSlashAndABadRedirectAddress() {
        runner.withPropertyValues("parkflow.notification.base-url=https://parkflow.test/",
                "parkflow.notification.redirect-all-to=not-an-address").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("baseUrl").hasMessageContaining("redirectAllTo"));
    }

    @Test
    void shouldRefuseAZeroTimeout() {
        runner.withPropertyValues("parkflow.notification.timeouts.read=0s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("timeouts"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NotificationProperties.class)
    static class Bind {
    }
}
