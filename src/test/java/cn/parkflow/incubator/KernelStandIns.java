package cn.parkflow.incubator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Until the calendar kernel is merged: the {@code workdays} bean the incubator models call and the
 * statutory clock, for the application tests. Delete when main brings the real ones.
 */
@Configuration(proxyBeanMethods = false)
class KernelStandIns {

    @Bean
    TestWorkdays workdays() {
        return new TestWorkdays();
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
