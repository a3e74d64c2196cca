package cn.parkflow.calendar;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the calendar at start-up from the database, after copying into it any bundled holiday
 * file whose year it does not have yet. A year an admin loaded is never overwritten by a file.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    WorkingDayCalendar workingDayCalendar(CalendarProperties properties, HolidayYearRepository repository,
                                          PlatformTransactionManager transactionManager, Optional<Clock> clock) {
        seed(HolidayFiles.bundled(), repository, new TransactionTemplate(transactionManager),
                clock.orElse(Clock.systemUTC()));
        List<HolidayYear> years = repository.loadAll();
        log.info("Working-day calendar loaded with holiday data for {}",
                years.stream().map(HolidayYear::year).sorted().toList());
        return new WorkingDayCalendar(years, properties.officeHoursEnd(), properties.zone());
    }

    /** One transaction per year: nodes starting together may race to seed the same year. */
    private static void seed(List<HolidayYear> files, HolidayYearRepository repository, TransactionTemplate tx,
                             Clock clock) {
        for (HolidayYear file : files) {
            try {
                tx.executeWithoutResult(status -> {
                    var stored = repository.lock(file.year());
                    if (stored.isEmpty()) {
                        repository.insert(file, HolidayYearRepository.ORIGIN_FILE, "system", clock.instant());
                    } else if (stored.get().origin().equals(HolidayYearRepository.ORIGIN_FILE)
                            && !repository.loadAll().contains(file)) {
                        // a release corrected a bundled file: take the correction
                        repository.replace(file, HolidayYearRepository.ORIGIN_FILE, "system", clock.instant());
                    }
                });
            } catch (DuplicateKeyException seededByAnotherNode) {
                log.debug("Holiday year {} was seeded concurrently by another node", file.year());
            }
        }
    }
}
