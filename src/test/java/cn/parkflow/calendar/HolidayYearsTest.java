package cn.parkflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Holiday data in the database: shared by nodes, kept across restarts. */
class HolidayYearsTest extends CalendarSpringTest {

    @Autowired
    HolidayYears years;
    @Autowired
    HolidayYearRepository repository;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void shouldPickUpAYearThatAnotherNodeLoaded() {
        // given: another node stores 2095 (2095-01-03 is a Monday)
        HolidayYear year2095 = HolidayYear.parse(2095, "另一节点加载", List.of("2095-01-03"), List.of());
        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                repository.insert(year2095, HolidayYearRepository.ORIGIN_ADMIN, "admin", Instant.now()));
        assertThat(calendar.isWorkingDay(LocalDate.of(2095, 1, 3))).isTrue();

        // when: this node polls
        years.refresh();

        // then
        assertThat(calendar.isWorkingDay(LocalDate.of(2095, 1, 3))).isFalse();
        assertThat(calendar.isProvisional(LocalDate.of(2095, 1, 1), LocalDate.of(2095, 12, 31))).isFalse();
    }

    @Test
    void shouldKeepAnAdminsYearAcrossARestartAndSeedTheBundledYears() {
        // given: an admin loaded 2096 (2096-01-02 is a Monday)
        years.replace(HolidayYear.parse(2096, null, List.of("2096-01-02"), List.of()), "admin");

        // when: a node starts (the calendar is built again from the database and the files)
        WorkingDayCalendar restarted = new CalendarConfiguration().workingDayCalendar(
                new CalendarProperties(LocalTime.of(17, 30), WorkingDayCalendar.SHANGHAI, java.time.Duration.ZERO),
                repository, transactionManager, Optional.empty());

        // then
        assertThat(restarted.isWorkingDay(LocalDate.of(2096, 1, 2))).isFalse();
        assertThat(restarted.year(2025)).isPresent();
        assertThat(restarted.year(2026)).isPresent();
        assertThat(repository.find(2096).orElseThrow().origin()).isEqualTo(HolidayYearRepository.ORIGIN_ADMIN);
        assertThat(repository.find(2026).orElseThrow().origin()).isEqualTo(HolidayYearRepository.ORIGIN_FILE);
    }
}
