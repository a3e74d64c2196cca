package cn.parkflow.keytask;

import cn.parkflow.calendar.WorkingDayCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key-task rules that need the calendar and the configured figures. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyTaskProperties.class)
class KeyTaskConfiguration {

    @Bean
    ReportSchedule keyTaskReportSchedule(WorkingDayCalendar calendar, KeyTaskProperties properties) {
        return new ReportSchedule(calendar, properties);
    }

    @Bean
    ColourRules keyTaskColourRules(ReportSchedule schedule) {
        return new ColourRules(schedule);
    }
}
