package cn.parkflow.calendar;

import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Working-day deadlines in BPMN expressions, e.g. {@code camunda:dueDate="${workdays.after(5)}"}
 * or a timer's {@code timeDate="${workdays.after(10, receivedAt)}"}. Every result is the end of
 * office hours of the day found. "Today" is the engine's current time, so process tests that set
 * {@code ClockUtil} get deadlines relative to their clock.
 *
 * <p>In a process test without Spring, register {@code new Workdays(WorkingDayCalendar.bundled())}
 * under the name {@code workdays} (e.g. with {@code Mocks.register}).
 */
@Component("workdays")
public class Workdays {

    private final WorkingDayCalendar calendar;

    public Workdays(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** The deadline N working days after today (today not counted). */
    public Date after(int workingDays) {
        return after(workingDays, Date.from(EngineClock.now()));
    }

    /** The deadline N working days after the day of {@code from} (that day not counted). */
    public Date after(int workingDays, Date from) {
        return at(calendar.addWorkingDays(dayOf(from, "from"), workingDays));
    }

    /** The deadline N working days before the day of {@code deadline}, e.g. a reminder (蓝) before it falls due. */
    public Date before(int workingDays, Date deadline) {
        return at(calendar.addWorkingDays(dayOf(deadline, "deadline"), -workingDays));
    }

    /** The deadline N calendar days after today, rolled forward to a working day. */
    public Date calendarDays(int days) {
        return calendarDays(days, Date.from(EngineClock.now()));
    }

    /** The deadline N calendar days after the day of {@code from}, rolled forward to a working day. */
    public Date calendarDays(int days, Date from) {
        return at(calendar.addCalendarDays(dayOf(from, "from"), days));
    }

    private LocalDate dayOf(Date moment, String name) {
        if (moment == null) {
            throw new IllegalArgumentException(name + ": 日期为空，无法计算期限");
        }
        return calendar.dateOf(moment.toInstant());
    }

    private Date at(LocalDate day) {
        return Date.from(calendar.deadlineOf(day).toInstant());
    }
}
