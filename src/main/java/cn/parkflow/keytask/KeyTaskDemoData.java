package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.calendar.WorkingDayCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo profile, first start only (no list for this year yet): this year's list drafted from the seed
 * and approved through the real model; plans accepted; a third-quarter picture with items green, blue,
 * yellow and red (judged by the real colour decision at their check); the yellow item's 督办单 signed
 * and open; indicator actuals for the quarters that have ended.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class KeyTaskDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KeyTaskDemoData.class);
    /** Items left at their plan, to show the first steps in Tasklist. */
    private static final List<Integer> PLAN_OPEN = List.of(17);
    /** Every item's lead department has acknowledged its assignment (签收交办任务). */
    private static final Map<String, Object> ACKNOWLEDGEMENT = Map.of("assignmentAcknowledged", true, "liaison", "园区联络员");

    private final KeyTaskRegister register;
    private final IndicatorCatalogue indicators;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;

    KeyTaskDemoData(KeyTaskRegister register, IndicatorCatalogue indicators, RuntimeService runtime, TaskService tasks,
                    ManagementService management, JdbcClient jdbc, WorkingDayCalendar calendar) {
        this.register = register;
        this.indicators = indicators;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = EngineClock.today();
        int year = today.getYear();
        if (register.listStatus(year).isPresent()) {
            return;
        }
        ProcessInstance list = runtime.startProcessInstanceByKey(LIST_KEY, Map.of(LIST_YEAR, year));
        complete(list.getBusinessKey(), TASK_DRAFT_LIST, Map.of("draftComplete", true, "draftNote", "按行动方案二、重点任务编制"));
        complete(list.getBusinessKey(), TASK_APPROVE_SUPERVISION, Map.of("supervisionDecision", "APPROVE"));
        complete(list.getBusinessKey(), TASK_APPROVE_DRC, Map.of("drcDecision", "APPROVE"));
        runMessageJobs(list.getId());
        for (KeyTaskItem item : register.items(year)) {
            if (item.caseNumber() != null) {
                complete(item.caseNumber(), TASK_ACKNOWLEDGE, ACKNOWLEDGEMENT);
            }
            if (!PLAN_OPEN.contains(item.entry().number()) && item.caseNumber() != null) {
                complete(item.caseNumber(), TASK_SUBMIT_PLAN, Map.of("planSummary", "按季度分解目标，明确措施、节点和责任人，按时报送进展。"));
                complete(item.caseNumber(), TASK_REVIEW_PLAN, Map.of("planDecision", "ACCEPT"));
                progress(item, today, year);
            }
        }
        // the yellow item's notice is signed by the supervisor; the red one waits for signature
        KeyTaskItem yellow = register.item(year, 6);
        if (yellow.caseNumber() != null) {
            tasks.createTaskQuery().processInstanceBusinessKey(yellow.caseNumber()).taskDefinitionKey(TASK_ISSUE_NOTICE).list()
                    .forEach(t -> complete(yellow.caseNumber(), TASK_ISSUE_NOTICE,
                            Map.of("noticeRequirement", "第三季度报告逾期，请书面说明原因并限期整改。")));
        }
        actuals(year, today);
        log.info("Key-task demo: {} list approved; colours {}", year, register.items(year).stream()
                .map(i -> i.entry().number() + ":" + i.colour().label()).toList());
    }

    /** A third-quarter report and the facts behind the colour wanted for the item, then its colour check now. */
    private void progress(KeyTaskItem item, LocalDate today, int year) {
        int number = item.entry().number();
        int expected = ColourRules.expectedPercent(item.entry(), year, today);
        int percent = Math.min(100, expected + 5);
        boolean late = false;
        switch (number) {
            case 4 -> jdbc.sql("UPDATE key_task_item SET deadline = ? WHERE list_year = ? AND task_number = ?")
                    .params(calendar.addWorkingDays(today, 3), year, number).update(); // 蓝: due within 5 working days
            case 6, 13 -> late = true;                                               // 黄: report came late
            case 15 -> {                                                             // 红: a milestone missed
                jdbc.sql("UPDATE key_task_item SET milestones = ? WHERE list_year = ? AND task_number = ?")
                        .params(today.minusDays(10) + ":80", year, number).update();
                percent = 60;
            }
            default -> {
            }
        }
        Instant now = EngineClock.now();
        register.recordReport(year, number, new KeyTaskRegister.Report("QUARTERLY", year + "-Q3", percent,
                null, late ? "报送逾期" : null, null, now, now, item.entry().leadDepartment() + "-officer", late));
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(item.caseNumber()).singleResult().getId();
        Job check = management.createJobQuery().processInstanceId(instance).activityId(EVENT_COLOUR_CHECK).singleResult();
        if (check != null) {
            try {
                management.executeJob(check.getId());
            } catch (OptimisticLockingException e) {
                log.info("Key-task demo: colour check of {} left to the job executor", item.caseNumber());
            }
        }
    }

    private void actuals(int year, LocalDate today) {
        int quarters = Math.min(3, (today.getMonthValue() - 1) / 3);
        for (Indicator indicator : indicators.indicators(year)) {
            if (!Indicator.REPORTED.equals(indicator.source())) {
                continue;
            }
            for (int quarter = 1; quarter <= quarters; quarter++) {
                double share = switch (indicator.kind()) {
                    case Indicator.FLOW -> 0.23;
                    case Indicator.RATIO -> 0.90 + 0.02 * quarter;
                    default -> 0.80 + 0.05 * quarter;
                };
                BigDecimal value = indicator.target().multiply(BigDecimal.valueOf(share)).setScale(1, RoundingMode.HALF_UP);
                indicators.recordActual(year, indicator.code(), quarter, value, "演示数据：" + indicator.owner() + " 季度统计",
                        indicator.owner() + "-officer", YearMonth.of(year, quarter * 3 + 1).atDay(8)
                                .atTime(10, 0).atZone(EngineClock.ZONE).toInstant());
            }
        }
    }

    /** A lost race with the job executor: an optimistic lock, or a deadlock the database broke (H2 does on task_reminder). */
    private static boolean isConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof TransientDataAccessException
                    || cause instanceof java.sql.SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }

    /** The job executor runs beside the demo (reminders, notifications, async steps): a conflict is retried. */
    private void complete(String businessKey, String taskKey, Map<String, Object> variables) {
        for (int attempt = 1; ; attempt++) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).list()
                    .stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("demo: no task " + taskKey + " in " + businessKey));
            try {
                tasks.complete(task.getId(), variables);
                return;
            } catch (ProcessEngineException e) {
                if (attempt == 10 || !isConflict(e)) {
                    throw e;
                }
                pause();
            }
        }
    }

    /** Runs the list's async steps (approval join, 交办) here rather than waiting for the job executor. */
    private void runMessageJobs(String processInstanceId) {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException e) {
                    pause(); // the job executor took it
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
