package cn.parkflow.incubator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Until the calendar and notification kernels are merged: the beans the incubator models call
 * ({@code workdays}, {@code sendMail}, {@code deadlineReminder}) and the statutory clock, for the
 * application tests. Delete when main brings the real ones.
 */
@Configuration(proxyBeanMethods = false)
class KernelStandIns {

    @Bean
    TestWorkdays workdays() {
        return new TestWorkdays();
    }

    @Bean
    RecordingDelegate sendMail() {
        return new RecordingDelegate();
    }

    @Bean
    RecordingDelegate deadlineReminder() {
        return new RecordingDelegate();
    }

    @Bean
    CaseClock caseClock() {
        return new CaseClock() {
            @Override
            public void start(String caseNumber, int workingDays, String actor) {
            }

            @Override
            public void pause(String caseNumber, String reason, String actor) {
            }

            @Override
            public void resume(String caseNumber, String actor) {
            }
        };
    }
}
