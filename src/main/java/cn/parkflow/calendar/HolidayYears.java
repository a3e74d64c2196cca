package cn.parkflow.calendar;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Holiday data at runtime: an admin loads or replaces a year; every node notices within
 * {@code parkflow.calendar.refresh-interval} because it polls the years' revisions.
 */
@Service
class HolidayYears implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HolidayYears.class);

    private final HolidayYearRepository repository;
    private final WorkingDayCalendar calendar;
    private final CalendarProperties properties;
    private final Clock clock;
    private ScheduledExecutorService poller;
    private volatile Map<Integer, Integer> knownRevisions = Map.of();

    HolidayYears(HolidayYearRepository repository, WorkingDayCalendar calendar, CalendarProperties properties,
                 Optional<Clock> clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Transactional(readOnly = true)
    public Optional<HolidayYearRepository.StoredYear> stored(int year) {
        return repository.find(year);
    }

    /** Loads or replaces a year; the calendar of this node switches when the transaction commits. */
    @Transactional
    public void replace(HolidayYear year, String actor) {
        if (repository.lock(year.year()).isPresent()) {
            repository.replace(year, HolidayYearRepository.ORIGIN_ADMIN, actor, clock.instant());
        } else {
            repository.insert(year, HolidayYearRepository.ORIGIN_ADMIN, actor, clock.instant());
        }
        log.info("Holiday data for {} loaded by {}: {} holidays, {} make-up working days", year.year(), actor,
                year.holidays().size(), year.makeUpWorkingDays().size());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                refresh();
            }
        });
    }

    /** Re-reads the data if any year's revision changed since the last look. */
    void refresh() {
        Map<Integer, Integer> revisions = repository.revisions();
        if (!revisions.equals(knownRevisions)) {
            calendar.replaceYears(repository.loadAll());
            knownRevisions = revisions;
        }
    }

    /** Starts polling; the first poll re-reads once, closing the gap since the calendar was built. */
    @Override
    public void afterPropertiesSet() {
        long period = properties.refreshInterval().toMillis();
        if (period > 0) {
            poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "holiday-data-refresh");
                thread.setDaemon(true);
                return thread;
            });
            poller.scheduleWithFixedDelay(this::refreshQuietly, period, period, TimeUnit.MILLISECONDS);
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the database may be briefly unreachable; the node keeps its last good data
            log.warn("Could not refresh holiday data: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
