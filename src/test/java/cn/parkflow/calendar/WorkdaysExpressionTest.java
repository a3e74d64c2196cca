package cn.parkflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code ${workdays.after(5)}} and friends in a deployed model, under the engine's clock. */
class WorkdaysExpressionTest extends CalendarSpringTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    CaseFile caseFile;
    @Autowired
    StatutoryClock clock;

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldSetDueDatesAndTimersInWorkingDaysFromTheEnginesToday() {
        // given: the engine's today is Wed 2026-09-30; a hearing is set for Thu 10-01
        repositoryService.createDeployment().name("workdays-test").enableDuplicateFiltering(true)
                .addClasspathResource("cn/parkflow/calendar/workdays-test.bpmn").deploy();
        ClockUtil.setCurrentTime(at("2026-09-30T11:00"));
        String caseNumber = caseFile.open(new NewCase("INC", "孵化器认定", "applicant1", "闵行创新孵化器", "stc"), "test")
                .number();

        // when
        String instance = runtimeService.startProcessInstanceByKey("workdays-test", caseNumber,
                Map.of("caseNumber", caseNumber, "hearingDate", at("2026-10-01T09:00"))).getId();

        // then: 5 working days after 09-30 (国庆 10-01..10-07, 10-10 调休上班) is Tue 10-13
        assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getDueDate())
                .isEqualTo(at("2026-10-13T17:30"));
        // 1 calendar day after 10-01 is 10-02 (国庆), rolled forward to Thu 10-08
        assertThat(managementService.createJobQuery().processInstanceId(instance).singleResult().getDuedate())
                .isEqualTo(at("2026-10-08T17:30"));
        // the clock started by the start event's listener: 15 working days from 09-30
        assertThat(clock.find(caseNumber).orElseThrow().currentDeadline())
                .isEqualTo(at("2026-10-27T17:30").toInstant());
    }

    private static Date at(String shanghaiLocal) {
        return Date.from(ZonedDateTime.parse(shanghaiLocal + "+08:00[Asia/Shanghai]").toInstant());
    }
}
