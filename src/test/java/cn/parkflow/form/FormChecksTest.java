package cn.parkflow.form;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import cn.parkflow.support.WebappSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every submission is checked on the server against its form, whichever way it comes: a refused
 * one answers 400 with one Chinese sentence naming the field, and keeps nothing.
 */
class FormChecksTest extends PostgresApplicationTest {

    private static final String START = "/engine-rest/process-definition/key/foundation-fixture/start";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void shouldRefuseATaskFormWithoutItsRequiredFieldAndKeepTheTaskOpen() {
        String task = departmentTask("FORM-CHECK-1");

        HttpResponse<String> refused = http().postJson("/engine-rest/task/" + task + "/submit-form", "stc-officer",
                "{\"variables\":{\"opinion\":{\"value\":\"  \"}}}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"message\":\"办理申请未能提交：办理意见：必填。\"").doesNotContain("ENGINE-", "Cannot");
        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
        assertThat(runtime.getVariable(tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId(),
                "opinion")).as("nothing of the refused submission is kept").isNull();
    }

    @Test
    void shouldRefuseTooLongTextThroughTheWebappsApiAsTasklistSendsIt() {
        String task = departmentTask("FORM-CHECK-2");
        WebappSession officer = WebappSession.login(http(), "tasklist", "stc-officer");

        HttpResponse<String> refused = officer.postJson("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
                "{\"variables\":{\"opinion\":{\"value\":\"" + "意".repeat(501) + "\",\"type\":\"String\"}}}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("办理申请未能提交：办理意见：不能超过500个字。");
        assertThat(officer.postJson("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
                "{\"variables\":{\"opinion\":{\"value\":\"同意\",\"type\":\"String\"}}}").statusCode()).isEqualTo(204);
    }

    @Test
    void shouldRefuseAStartWhoseChoiceIsNotOffered() {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("foundation-fixture").count();

        HttpResponse<String> refused = http().postJson(START, "applicant1",
                "{\"variables\":{\"topic\":{\"value\":\"patent\",\"type\":\"String\"}}}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("基础测试流程未能提交：事项类型：不是可选的值（patent）。");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("foundation-fixture").count()).isEqualTo(before);
    }

    private String departmentTask(String businessKey) {
        String instance = runtime.startProcessInstanceByKey("foundation-fixture", businessKey,
                Map.of("topic", "incubator")).getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }
}
