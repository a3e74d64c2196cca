package cn.parkflow.calendar;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statutory clock of a case (DOMAIN.md §2): started with a limit in working or calendar
 * days, paused (补正, 鉴定, 听证 …) and resumed — paused days do not count — and extended with
 * an approver. Each change row-locks the clock, writes the deadline to the case with an audit
 * event, and moves the timers and task due dates tied to it, all in one transaction.
 *
 * <p>From BPMN: {@code ${statutoryClock.start(caseNumber, 15, 'WORKING', 'system')}}, a timer
 * {@code timeDate="${statutoryClock.due(caseNumber)}"}, and
 * {@code ${statutoryClock.tie(caseNumber, execution.processInstanceId, 'Timer_DecisionOverdue')}}.
 * A process that declares its clock ({@link ClockDeclaration}) goes through {@link DeclaredClocks}
 * instead, and the kernel runs the timer, the expiry and the extensions for it.
 */
@Service
@Transactional
public class StatutoryClock {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ClockRepository clocks;
    private final ClockTies ties;
    private final ClockTimers timers;
    private final CaseFile caseFile;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    StatutoryClock(ClockRepository clocks, ClockTies ties, ClockTimers timers, CaseFile caseFile,
                   WorkingDayCalendar calendar, Optional<Clock> clock) {
        this.clocks = clocks;
        this.ties = ties;
        this.timers = timers;
        this.caseFile = caseFile;
        this.calendar = calendar;
        this.clock = clock.orElse(EngineClock.INSTANCE);
    }

    /** Starts the clock now. */
    public ClockView start(String caseNumber, int limit, DayUnit unit, String actor) {
        return start(caseNumber, limit, unit, clock.instant(), actor);
    }

    /**
     * Starts the clock at a given moment, e.g. when the application was received. A case whose
     * earlier clock has stopped starts a new one (e.g. a second statutory channel after a failed first).
     */
    public ClockView start(String caseNumber, int limit, DayUnit unit, Instant startedAt, String actor) {
        ClockRules.requireDays("limit", limit);
        ClockRules.require("unit", unit);
        ClockRules.require("startedAt", startedAt);
        ClockRules.requireName("actor", actor);
        caseFile.get(caseNumber);
        if (clocks.find(caseNumber).isPresent()) {
            // a case may run one clock after another (one channel after another): a stopped clock
            // makes way for the next; the case's audit trail keeps what the earlier one did
            if (clocks.stoppedAt(caseNumber).isEmpty()) {
                throw new IllegalStateException("案件 " + caseNumber + " 的法定时限已经开始计算");
            }
            clocks.discard(caseNumber);
        }
        ClockState state = new ClockState(caseNumber, startedAt, limit, unit, 0, 0, null);
        clocks.insert(state, actor);
        return changed(state, actor, "DEADLINE_STARTED", "法定时限 " + unit.describe(limit));
    }

    public ClockView pause(String caseNumber, String reason, String actor) {
        ClockRules.requireText("reason", reason);
        ClockRules.requireName("actor", actor);
        ClockState state = running(caseNumber);
        if (state.isPaused()) {
            throw new IllegalStateException("案件 " + caseNumber + " 的法定时限已经暂停");
        }
        Instant now = clock.instant();
        clocks.insertPause(caseNumber, reason, now, actor);
        return changed(state.pausedAt(now), actor, "DEADLINE_PAUSED", "暂停计时：" + reason);
    }

    public ClockView resume(String caseNumber, String actor) {
        ClockRules.requireName("actor", actor);
        ClockState state = running(caseNumber);
        if (!state.isPaused()) {
            throw new IllegalStateException("案件 " + caseNumber + " 的法定时限没有暂停");
        }
        Instant now = clock.instant();
        int days = state.pausedDays(calendar, state.pausedAt(), now);
        String reason = clocks.closePause(caseNumber, now, actor, days);
        return changed(state.resumed(days), actor, "DEADLINE_RESUMED",
                "恢复计时（" + reason + "），不计 " + state.unit().describePaused(days));
    }

    public ClockView extend(String caseNumber, int days, String reason, String approver) {
        ClockRules.requireDays("days", days);
        ClockRules.requireText("reason", reason);
        ClockRules.requireName("approver", approver);
        ClockState state = running(caseNumber);
        clocks.insertExtension(caseNumber, days, reason, approver, clock.instant());
        return changed(state.extended(days), approver, "DEADLINE_EXTENDED",
                "延长 " + state.unit().describe(days) + "，理由：" + reason + "，批准人：" + approver);
    }

    /**
     * Stops the clock: the decision it timed has been taken. Its tied timers are held for good and
     * its timer instance ends. Stopping a stopped clock changes nothing (a decision taken again
     * after an objection).
     */
    public ClockView stop(String caseNumber, String actor) {
        ClockRules.requireName("actor", actor);
        ClockState state = locked(caseNumber);
        if (clocks.stop(caseNumber, clock.instant(), actor)) {
            ties.hold(clocks.ties(caseNumber));
            timers.stop(caseNumber);
            caseFile.record(caseNumber, actor, "DEADLINE_STOPPED", null, "已作出决定，停止计时；截止 "
                    + SHOWN.format(calendar.deadlineOf(state.currentDue(calendar))));
        }
        return view(state);
    }

    /** Ties a timer event or user task of a process instance to the clock, and moves it at once. */
    public void tie(String caseNumber, String processInstanceId, String activityId) {
        tie(caseNumber, processInstanceId, activityId, 0);
    }

    /** As {@link #tie(String, String, String)}, falling due N working days before the deadline (a reminder). */
    public void tie(String caseNumber, String processInstanceId, String activityId, int workingDaysBefore) {
        ClockRules.requireName("processInstanceId", processInstanceId);
        ClockRules.requireText("activityId", activityId);
        ClockRules.requireRange("workingDaysBefore", workingDaysBefore, 0);
        ClockState state = locked(caseNumber);
        ClockTie tie = new ClockTie(caseNumber, processInstanceId, activityId, workingDaysBefore);
        clocks.tie(tie);
        ties.apply(state, List.of(tie));
        ties.applyAgainAfterCommit(tie);
    }

    /**
     * The current deadline, for a BPMN timer or due date. While paused: the earliest it can be,
     * the deadline if the clock resumed now; a tied timer stays suspended until it does.
     */
    @Transactional(readOnly = true)
    public Date due(String caseNumber) {
        ClockState state = clocks.find(caseNumber).orElseThrow(() -> notStarted(caseNumber));
        if (state.isPaused()) {
            state = state.resumed(state.pausedDays(calendar, state.pausedAt(), clock.instant()));
        }
        return Date.from(calendar.deadlineOf(state.currentDue(calendar)).toInstant());
    }

    @Transactional(readOnly = true)
    public Optional<ClockView> find(String caseNumber) {
        return clocks.find(caseNumber).map(this::view);
    }

    /** Locked, and refused once stopped: a decided case's clock no longer pauses or extends. */
    private ClockState running(String caseNumber) {
        ClockState state = locked(caseNumber);
        if (clocks.stoppedAt(caseNumber).isPresent()) {
            throw new IllegalStateException("案件 " + caseNumber + " 的法定时限已经停止计算");
        }
        return state;
    }

    private ClockState locked(String caseNumber) {
        return clocks.lock(caseNumber).orElseThrow(() -> notStarted(caseNumber));
    }

    private ClockView changed(ClockState state, String actor, String action, String detail) {
        clocks.save(state);
        ClockView view = view(state);
        caseFile.updateDeadline(state.caseNumber(), new CaseRecord.Deadline(view.originalDeadline(),
                        state.pausedDays(), view.currentDeadline(), view.provisional()), actor, action,
                detail + "；当前截止 " + SHOWN.format(view.currentDeadline().atZone(calendar.zone()))
                        + (view.provisional() ? "（临时：涉及尚无节假日数据的年份）" : ""));
        ties.apply(state, clocks.ties(state.caseNumber()));
        return view;
    }

    private ClockView view(ClockState state) {
        return new ClockView(state.caseNumber(), state.startedAt(), state.limit(), state.unit(),
                calendar.deadlineOf(state.originalDue(calendar)).toInstant(), state.pausedDays(),
                state.extensionDays(), calendar.deadlineOf(state.currentDue(calendar)).toInstant(), state.isPaused(),
                state.isProvisional(calendar), clocks.pauses(state.caseNumber()),
                clocks.extensions(state.caseNumber()), clocks.stoppedAt(state.caseNumber()).orElse(null));
    }

    private static IllegalStateException notStarted(String caseNumber) {
        return new IllegalStateException("案件 " + caseNumber + " 的法定时限尚未开始计算");
    }
}
