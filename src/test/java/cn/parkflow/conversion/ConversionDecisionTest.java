package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import cn.parkflow.casefile.CaseFile;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One case per rule of the two decision tables, through the model: a coordination request raised in
 * a quarterly report goes to the department the table names and its answer comes back to the
 * project; the graduation table finds the criterion a project meets, with the revenue threshold
 * taken from configuration.
 */
@Deployment(resources = {ConversionProcessSupport.MODEL, ConversionProcessSupport.COORDINATION_DMN,
        ConversionProcessSupport.GRADUATION_DMN})
class ConversionDecisionTest extends ConversionProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"SPACE_LAND, planning", "SPACE_CARRIER, zerobay", "TALENT, hrss", "FUNDING, finance",
            "REGISTRATION, amr", "INDUSTRIAL, econ"})
    void shouldRouteACoordinationRequestAndReturnTheAnswer(String topic, String department) {
        // given a project in concept verification when the quarter starts
        ProcessInstance instance = startAt(TASK_VERIFY_CONCEPT, Map.of());
        fireTimer(instance, QUARTER_STARTED, at("2026-04-01T09:00:00"));
        assertThat(openTask(instance, TASK_REPORT_QUARTER).getDueDate()).isEqualTo(at("2026-04-16T17:30:00"));

        // when the manager's report asks for help on this topic
        completeTask(instance, TASK_REPORT_QUARTER, MANAGER, quarterlyReport(false, 120, 0, topic));

        // then the department the table names holds the request, with a deadline, and the project keeps its stage
        Task request = openTask(instance, TASK_HANDLE_COORDINATION);
        assertThat(engine.getTaskService().getIdentityLinksForTask(request.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(department));
        assertThat(request.getDueDate()).isEqualTo(at("2026-04-16T17:30:00"));
        assertThat(instance).isWaitingAt(TASK_VERIFY_CONCEPT, TASK_HANDLE_COORDINATION);

        // and its answer goes back on the project's record
        completeTask(instance, TASK_HANDLE_COORDINATION, department + "-officer", Map.of("coordinationResolved", "YES",
                "coordinationAnswer", "已安排专人对接"));
        verify(caseFile).record(eq(instance.getBusinessKey()), eq(CaseFile.SYSTEM), eq("COORDINATION_ANSWERED"), anyString(),
                contains("协调部门 " + department + " 答复：已安排专人对接（已解决）"));
        assertThat(variable(instance, "lastCoordinationAnswer")).asString().contains("已安排专人对接");
        assertThat(instance).isWaitingAt(TASK_VERIFY_CONCEPT);
    }

    @Test
    void shouldCreateNoRequestWhenTheReportNeedsNoCoordination() {
        ProcessInstance instance = startAt(TASK_VERIFY_CONCEPT, Map.of());
        fireTimer(instance, QUARTER_STARTED, at("2026-04-01T09:00:00"));

        completeTask(instance, TASK_REPORT_QUARTER, MANAGER, quarterlyReport(false, 120, 0, "NONE"));

        assertThat(instance).isWaitingAt(TASK_VERIFY_CONCEPT);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly(TASK_VERIFY_CONCEPT);
    }

    @ParameterizedTest(name = "高企 {0}, 融资 {1} 万元, 营收 {2} 万元 → {3}")
    @CsvSource({"true, 0, 0, HIGH_TECH, true", "false, 501, 0, FINANCING, true", "false, 500, 0, NONE, false",
            "false, 0, 2001, REVENUE, true", "false, 0, 2000, NONE, false", "true, 900, 3000, HIGH_TECH, true"})
    void shouldFindTheGraduationCriterion(boolean highTech, double financing, double revenue, String criterion,
                                          boolean graduated) {
        ProcessInstance instance = startAt("Task_AssessGraduation", Map.of("highTechEnterprise", highTech,
                "financingTotal", financing, "revenue", revenue));

        assertThat(instance).isWaitingAt(TASK_CLOSE_PROJECT);
        assertThat(variable(instance, GRADUATION_CRITERION)).isEqualTo(criterion);
        assertThat(variable(instance, GRADUATED)).isEqualTo(graduated);
    }

    @Test
    void shouldTakeTheRevenueThresholdFromConfiguration() {
        properties = new ConversionProperties(List.of("sjtu-tto", "ecnu-tto"), 20, 10, 1000, 60, 30, 15);
        Mocks.register("conversionSettings", new ConversionSettings(properties));

        ProcessInstance instance = startAt("Task_AssessGraduation", Map.of("revenue", 1500.0));

        assertThat(variable(instance, GRADUATION_CRITERION)).isEqualTo("REVENUE");
    }
}
