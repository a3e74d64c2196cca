package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The year's list (annual-task-list.bpmn): seed draft, parallel approval and send-back, assignment, indicators, carry-over. */
@Deployment(resources = {"bpmn/annual-task-list.bpmn", "bpmn/key-task.bpmn", "bpmn/key-task-supervision.bpmn",
        "bpmn/dmn/key-task-colour.dmn", "bpmn/dmn/key-task-grade.dmn"})
class AnnualTaskListProcessTest extends KeyTaskProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    @Override
    protected String startTime() {
        return "2026-01-12T09:00:00";
    }

    private ProcessInstance startList(int year) {
        ProcessInstance started = start(LIST_KEY, "stc-officer", Map.of(LIST_YEAR, year));
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.getId()).singleResult();
    }

    private void draft(ProcessInstance list) {
        completeTask(list, TASK_DRAFT_LIST, "stc-officer", Map.of("draftComplete", true));
    }

    /** Both approvers decide at the same moment, each in its own transaction. */
    private void decideTogether(ProcessInstance list, Map<String, Object> supervision, Map<String, Object> drc) throws Exception {
        Task bySupervision = openTask(list, TASK_APPROVE_SUPERVISION);
        Task byDrc = openTask(list, TASK_APPROVE_DRC);
        assertThat(bySupervision).hasCandidateGroup("supervision");
        assertThat(byDrc).hasCandidateGroup("drc");
        Map<String, Object> beans = Map.copyOf(Mocks.getMocks());
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> done = List.of(
                    pool.submit(() -> complete(beans, together, bySupervision, supervision)),
                    pool.submit(() -> complete(beans, together, byDrc, drc)));
            for (Future<Object> each : done) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
        runAsyncJobs();
    }

    private Object complete(Map<String, Object> beans, CyclicBarrier together, Task task, Map<String, Object> variables)
            throws Exception {
        beans.forEach(Mocks::register);
        together.await();
        engine.getTaskService().complete(task.getId(), variables);
        return null;
    }

    @Test
    void shouldLoadTheSeedPlanAsTheFirstDraftDueByTheEndOfFebruary() {
        ProcessInstance list = startList(2026);

        assertThat(list.getBusinessKey()).startsWith("KTL-2026-");
        Task draft = openTask(list, TASK_DRAFT_LIST);
        assertThat(draft).hasCandidateGroup("stc");
        assertThat(draft.getDueDate()).isEqualTo(at("2026-02-28T17:30:00")); // a make-up Saturday, a working day
        assertThat(register.items(2026)).hasSize(17);
        assertThat(register.item(2026, 3).entry().cooperatingDepartments()).containsExactly("sjtu-tto", "ecnu-tto");
        assertThat(register.item(2026, 5).entry().cooperatingDepartments()).containsExactly("xinzhuang");
        assertThat(register.item(2026, 7).entry().cooperatingDepartments()).containsExactly("mhedz");
        assertThat(register.item(2026, 13).entry().cooperatingDepartments()).containsExactly("zerobay", "mhedz", "xinzhuang");
        assertThat(register.items(2026)).extracting(i -> i.entry().leadDepartment()).containsExactly("stc", "zerobay", "stc",
                "stc", "econ", "econ", "econ", "health", "stc", "stc", "stc", "planning", "planning", "planning", "finance",
                "hrss", "commerce");
        assertThat(indicators.indicators(2026)).hasSize(11);
    }

    @Test
    void shouldSendTheListBackWhenOneApproverDisagreesAndAssignEveryTaskOnceBothApprove() throws Exception {
        ProcessInstance list = startList(2026);
        draft(list);

        // drc sends it back while supervision approves, at the same moment
        decideTogether(list, Map.of("supervisionDecision", "APPROVE"),
                Map.of("drcDecision", "SEND_BACK", "drcOpinion", "任务15应补充基金规模节点。"));
        assertThat(list).isWaitingAt(TASK_DRAFT_LIST);
        assertThat(variable(list, "drcOpinion")).isEqualTo("任务15应补充基金规模节点。");
        assertThat(register.listStatus(2026)).contains(KeyTaskRegister.DRAFT);

        // redrafted and approved by both
        draft(list);
        decideTogether(list, Map.of("supervisionDecision", "APPROVE"), Map.of("drcDecision", "APPROVE"));

        assertThat(register.listStatus(2026)).contains(KeyTaskRegister.APPROVED);
        List<ProcessInstance> items = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).list();
        assertThat(items).hasSize(17);
        Task commerceAcknowledgement = engine.getTaskService().createTaskQuery().taskDefinitionKey(TASK_ACKNOWLEDGE)
                .taskCandidateGroup("commerce").singleResult();
        assertThat(commerceAcknowledgement).isNotNull();
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(TASK_ACKNOWLEDGE).taskCandidateGroup("planning")
                .count()).isEqualTo(3);
        assertThat(register.items(2026)).allSatisfy(item -> assertThat(item.caseNumber()).startsWith("KT-2026-"));
    }

    @Test
    void shouldAskEachOwnerForItsIndicatorsEveryQuarterButNotTheRegisterOnes() throws Exception {
        ProcessInstance list = startList(2026);
        draft(list);
        decideTogether(list, Map.of("supervisionDecision", "APPROVE"), Map.of("drcDecision", "APPROVE"));

        fireTimer(list, EVENT_INDICATOR_QUARTER, at("2026-07-01T09:00:00"));

        List<Task> asks = openTasks(list, TASK_REPORT_INDICATOR);
        assertThat(asks).hasSize(9); // 11 indicators, 2 read from the incubator register
        Task pct = asks.stream().filter(t -> "PCT_APPLICATIONS".equals(engine.getTaskService().getVariable(t.getId(), "indicatorCode")))
                .findFirst().orElseThrow();
        assertThat(pct).hasCandidateGroup("amr");
        assertThat(engine.getTaskService().getVariableLocal(pct.getId(), "indicatorName")).isEqualTo("PCT国际专利申请");
        assertThat(pct.getDueDate()).isEqualTo(at("2026-07-07T17:30:00"));

        engine.getTaskService().claim(pct.getId(), "amr-officer");
        engine.getTaskService().complete(pct.getId(), Map.of("actualValue", 48, "actualEvidence", "市知识产权局PCT受理统计"));

        IndicatorProgress progress = indicators.progress(2026).stream()
                .filter(p -> p.code().equals("PCT_APPLICATIONS")).findFirst().orElseThrow();
        assertThat(progress.actual()).isEqualByComparingTo(new BigDecimal("48"));
        assertThat(progress.lastReportedQuarter()).isEqualTo(2);
    }

    @Test
    void shouldCarryUnfinishedItemsIntoNextYearsDraft() {
        // given 2026 assessed: task 1 done and graded, task 2 at 80 %, task 3 done but 不合格
        register.saveDraft(2026, lists.seed(2026).subList(0, 3));
        ProcessInstance list = startList(2026);
        register.approve(2026, at("2026-03-02T09:00:00").toInstant());
        jdbc.sql("UPDATE key_task_item SET percent_done = 100, grade = 'GOOD' WHERE task_number = 1").update();
        jdbc.sql("UPDATE key_task_item SET percent_done = 80, grade = 'PASS' WHERE task_number = 2").update();
        jdbc.sql("UPDATE key_task_item SET percent_done = 100, grade = 'FAIL' WHERE task_number = 3").update();

        // when the year's results are confirmed
        engine.getRuntimeService().createProcessInstanceModification(list.getId()).cancelAllForActivity(TASK_DRAFT_LIST)
                .startBeforeActivity(TASK_CONFIRM_YEAR_RESULTS).execute();
        completeTask(list, TASK_CONFIRM_YEAR_RESULTS, "stc-officer", Map.of("yearResultOpinion", "同意考核结果。"));
        runAsyncJobs();

        assertThat(list).isEnded();
        assertThat(register.listStatus(2026)).contains(KeyTaskRegister.ASSESSED);
        assertThat(register.listStatus(2027)).contains(KeyTaskRegister.DRAFT);
        assertThat(register.items(2027)).extracting(i -> i.entry().title(), i -> i.entry().carriedFrom(), i -> i.entry().deadline())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("做强园区专业运营机构", 2026, LocalDate.of(2027, 12, 31)),
                        org.assertj.core.groups.Tuple.tuple("夯实高校院所策源基础", 2026, LocalDate.of(2027, 12, 31)));

        // and the 2027 list starts from that draft, not from the seed
        ProcessInstance next = startList(2027);
        assertThat(register.items(2027)).hasSize(2);
        assertThat((String) variable(next, "listSummary")).contains("2026年结转");
    }

    @Test
    void shouldAssessEachBlockOperatorOnSixDimensionsWithARecommendation() {
        register.saveDraft(2026, lists.seed(2026).subList(0, 1));
        ProcessInstance list = startList(2026);
        engine.getRuntimeService().createProcessInstanceModification(list.getId()).cancelAllForActivity(TASK_DRAFT_LIST)
                .startBeforeActivity(TASK_ASSESS_BLOCK_OPERATOR + "#multiInstanceBody").execute();

        List<Task> blocks = openTasks(list, TASK_ASSESS_BLOCK_OPERATOR);
        assertThat(blocks).hasSize(3).allSatisfy(task -> assertThat(task).hasCandidateGroup("stc"));
        for (Task task : blocks) {
            String operator = (String) engine.getTaskService().getVariable(task.getId(), "blockOperator");
            engine.getTaskService().claim(task.getId(), "stc-officer");
            engine.getTaskService().complete(task.getId(), Map.of("scoreTechnology", 80, "scoreFinance", 70, "scoreTalent", 75,
                    "scorePolicy", 85, "scoreIp", 60, "scoreManagement", "xinzhuang".equals(operator) ? 40 : 90,
                    "blockRecommendation", "xinzhuang".equals(operator) ? "ADJUST" : "KEEP", "blockNote", "六方面评估意见。"));
        }
        runAsyncJobs();

        assertThat(list).isWaitingAt(TASK_CONFIRM_YEAR_RESULTS);
        assertThat(register.blockAssessments(2026)).containsExactly("mhedz 总分460 KEEP", "xinzhuang 总分410 ADJUST",
                "zerobay 总分460 KEEP");
        assertThat((String) variable(list, "blockSummary")).contains("xinzhuang 总分410 ADJUST");
    }

    @Test
    void shouldAskEachBlockOperatorToSelfAssessInMidDecemberAndShowItToStc() throws Exception {
        // given the approved list with one task
        register.saveDraft(2026, lists.seed(2026).subList(0, 1));
        ProcessInstance list = startList(2026);
        draft(list);
        decideTogether(list, Map.of("supervisionDecision", "APPROVE"), Map.of("drcDecision", "APPROVE"));

        // when mid-December comes
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(list.getId())
                .activityId(EVENT_BLOCK_SELF_ASSESSMENT).singleResult().getDuedate()).isEqualTo(at("2026-12-10T09:00:00"));
        fireTimer(list, EVENT_BLOCK_SELF_ASSESSMENT, at("2026-12-10T09:00:00"));

        // then each block operator self-assesses in its own task, due 5 working days later (12-11, 14, 15, 16, 17)
        List<Task> selves = openTasks(list, TASK_SELF_ASSESS_BLOCK_OPERATOR);
        assertThat(selves).hasSize(3).extracting(Task::getDueDate).containsOnly(at("2026-12-17T17:30:00"));
        for (Task task : selves) {
            String operator = (String) engine.getTaskService().getVariable(task.getId(), "blockOperator");
            assertThat(task).hasCandidateGroup(operator);
            engine.getTaskService().claim(task.getId(), operator + "-officer");
            engine.getTaskService().complete(task.getId(), Map.of("selfTechnology", 90, "selfFinance", 80, "selfTalent", 85,
                    "selfPolicy", 88, "selfIp", 70, "selfManagement", 92, "blockSelfSummary", operator + "全年服务企业120家。"));
        }
        runAsyncJobs();
        assertThat(openTasks(list, TASK_SELF_ASSESS_BLOCK_OPERATOR)).isEmpty();

        // and stc sees the operator's own scores when it assesses it
        engine.getRuntimeService().createProcessInstanceModification(list.getId())
                .startBeforeActivity(TASK_ASSESS_BLOCK_OPERATOR + "#multiInstanceBody").execute();
        Task xinzhuang = openTasks(list, TASK_ASSESS_BLOCK_OPERATOR).stream()
                .filter(t -> "xinzhuang".equals(engine.getTaskService().getVariable(t.getId(), "blockOperator")))
                .findFirst().orElseThrow();
        assertThat((String) engine.getTaskService().getVariableLocal(xinzhuang.getId(), "blockSelfAssessment"))
                .isEqualTo("技术服务90，金融服务80，人才对接85，政策申报88，知识产权70，企业管理92；xinzhuang全年服务企业120家。");
    }
}
