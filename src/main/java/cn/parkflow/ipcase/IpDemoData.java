package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;

import cn.parkflow.calendar.DeclaredClocks;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseQuery;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile, first start only (no IP case yet): a second mediator, and four IP cases through the
 * same start listener as real requests: awaiting acceptance, in mediation, in enforcement with the
 * clock paused for an appraisal, and closed.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class IpDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IpDemoData.class);
    static final String SECOND_MEDIATOR = "ip-mediation-officer2";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final CaseFile caseFile;
    private final DeclaredClocks clocks;
    private final DecisionService decisionService;

    IpDemoData(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
               CaseFile caseFile, DeclaredClocks clocks, DecisionService decisionService) {
        this.decisionService = decisionService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.caseFile = caseFile;
        this.clocks = clocks;
    }

    @Override
    public void run(ApplicationArguments args) {
        secondMediator();
        if (!caseFile.search(new CaseQuery(CASE_TYPE, null, null, null, 0, 1)).isEmpty()) {
            return;
        }
        log.info("IP demo cases: {} (待受理), {} (人民调解中), {} (行政执法，鉴定暂停计时), {} (已办结)",
                awaitingAcceptance(), inMediation(), inEnforcementPaused(), closed());
    }

    /** Mediation has two mediators, so one can take over the other's sessions. */
    private void secondMediator() {
        if (identityService.createUserQuery().userId(SECOND_MEDIATOR).count() == 0) {
            User user = identityService.newUser(SECOND_MEDIATOR);
            user.setFirstName("区知识产权人民调解委员会");
            user.setLastName("调解员二");
            user.setEmail(SECOND_MEDIATOR + "@parkflow.example");
            user.setPassword(SECOND_MEDIATOR);
            identityService.saveUser(user);
            identityService.createMembership(SECOND_MEDIATOR, "ip-mediation");
        }
    }

    String awaitingAcceptance() {
        Map<String, Object> v = request("applicant1", "上海闵行智能装备有限公司", "INVENTION_PATENT", "ZL202210123456.7",
                "ADJUDICATION", "某机械制造有限公司", "被申请人生产销售的装载机械落入本公司发明专利权利要求1的保护范围。");
        v.put("rightStatus", "VALID");
        return start(v, TASK_DECIDE_ACCEPTANCE).getBusinessKey();
    }

    String inMediation() {
        Map<String, Object> v = request("applicant2", "零号湾科技", "COPYRIGHT", "国作登字-2024-F-00012345", "MEDIATION",
                "某网络科技有限公司", "被申请人在其应用程序中未经许可使用本公司享有著作权的图形作品。");
        accepted(v, "MEDIATION");
        ProcessInstance instance = start(v, CALL_MEDIATION);
        complete(instance.getBusinessKey(), TASK_RECORD_CONSENT, "ip-mediation-officer", Map.of("counterpartyConsent",
                "CONSENTED", "consentMethod", "PHONE", "consentNote", "被申请人法务电话表示同意调解"));
        return instance.getBusinessKey();
    }

    /** Opened by amr; an appraisal of the goods holds the 90-day clock. */
    String inEnforcementPaused() {
        Map<String, Object> v = request("applicant1", "上海闵行智能装备有限公司", "TRADEMARK", "第12345678号", "ENFORCEMENT",
                "某贸易商行", "被申请人在实体店销售带有本公司注册商标的仿冒产品。");
        accepted(v, "ENFORCEMENT");
        ProcessInstance instance = start(v, CALL_ENFORCEMENT);
        String number = instance.getBusinessKey();
        ProcessInstance channel = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .singleResult();
        runtimeService.setVariables(channel.getId(), Map.of("openingDecision", "OPEN", "openingReason", "证据初步充分",
                INVESTIGATION_RESULT, "APPRAISAL", "investigationNote", "需对被控商品进行真伪鉴定"));
        clocks.start(ENFORCEMENT_KEY, number);
        clocks.pause(ENFORCEMENT_KEY, number, IpClocks.PAUSE_APPRAISAL);
        runtimeService.createProcessInstanceModification(channel.getId()).cancelAllForActivity(TASK_DECIDE_OPENING)
                .startBeforeActivity(TASK_RECORD_PAUSE_ENDED).execute();
        return number;
    }

    String closed() {
        Map<String, Object> v = request("applicant2", "零号湾科技", "TRADEMARK", "第87654321号", "CONSULTATION",
                "某电子商务有限公司", "咨询电商平台上近似标识是否构成侵权。");
        accepted(v, "CONSULTATION");
        v.putAll(Map.of(CHANNEL_OUTCOME, "CONSULTATION_ANSWERED", NEXT_SERVICE, NONE, "opinionSummary", "构成近似，建议投诉",
                CHANNEL_HISTORY, "咨询与侵权判定意见：已出具咨询或侵权判定意见"));
        var category = decisionService.evaluateDecisionTableByKey(IpCaseClosing.CLOSURE_DECISION,
                Map.of(CHANNEL_OUTCOME, "CONSULTATION_ANSWERED")).getSingleResult();
        v.put(OUTCOME_CODE, category.getEntry("outcomeCode"));
        v.put(OUTCOME_CATEGORY, category.getEntry("outcomeCategory"));
        v.put(OUTCOME_LABEL, category.getEntry("outcomeLabel"));
        ProcessInstance instance = start(v, TASK_CLOSE);
        complete(instance.getBusinessKey(), TASK_CLOSE, "ip-station-officer", Map.of(SATISFACTION, "SATISFIED",
                "satisfactionSource", "RECORDED_BY_OFFICER"));
        return instance.getBusinessKey();
    }

    private static void accepted(Map<String, Object> v, String channel) {
        v.put("rightStatus", "VALID");
        v.put(ACCEPTANCE_DECISION, "ACCEPT");
        v.put(PROPOSED_CHANNEL, channel);
        v.put(CHANNEL, channel);
    }

    private ProcessInstance start(Map<String, Object> variables, String activityId) {
        return runtimeService.createProcessInstanceByKey(KEY).setVariables(variables).startBeforeActivity(activityId)
                .execute();
    }

    private void complete(String number, String taskKey, String user, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).singleResult();
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), values);
    }

    private static Map<String, Object> request(String applicant, String name, String ipType, String right, String service,
                                               String counterparty, String facts) {
        Map<String, Object> v = new HashMap<>();
        v.put(APPLICANT, applicant);
        v.put("applicantName", name);
        v.put("applicantEmail", applicant + "@parkflow.example");
        v.put("applicantPhone", "021-64130000");
        v.put("ipType", ipType);
        v.put("rightNumber", right);
        v.put("rightStatus", "VALID");
        v.put("serviceRequested", service);
        v.put("counterpartyName", counterparty);
        v.put("facts", facts);
        v.put("infringementSetting", "OFFLINE");
        v.put("courtAccepted", false);
        return v;
    }
}
