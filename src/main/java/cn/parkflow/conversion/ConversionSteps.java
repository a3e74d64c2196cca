package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.calendar.Workdays;
import cn.parkflow.casefile.CaseFile;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service steps that write to the case: the pricing notice and the landing period start, a
 * coordination answer goes back on the record, and the case closes with the outcome the
 * registrant reads (declined, graduated, failed, left, withdrawn).
 */
@Component
class ConversionSteps {

    static final Map<String, String> CLOSURE_OUTCOMES = Map.of(
            "GRADUATED", "毕业", "FAILED", "转化失败", "LEFT", "迁出或未落地园区");
    private static final Map<String, String> CRITERIA = Map.of(
            "HIGH_TECH", "高新技术企业", "FINANCING", "累计融资超过500万元", "REVENUE", "营业收入超过门槛", "NONE", "未达到毕业条件");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final CaseFile caseFile;
    private final Workdays workdays;
    private final ConversionProperties properties;

    ConversionSteps(CaseFile caseFile, Workdays workdays, ConversionProperties properties) {
        this.caseFile = caseFile;
        this.workdays = workdays;
        this.properties = properties;
    }

    void closeDeclinedLead(DelegateExecution execution) {
        String reason = (String) execution.getVariable("declineReason");
        execution.setVariable(REASON, reason);
        close(execution, "不予纳入成果转化跟踪库：" + reason);
    }

    /** The notice runs at least 15 calendar days from today; an end on a non-working day rolls to the next working day. */
    void publishPricingNotice(DelegateExecution execution) {
        Date endsAt = workdays.calendarDays(properties.pricingNoticeCalendarDays());
        execution.setVariable(PRICING_NOTICE_ENDS_AT, endsAt);
        execution.setVariable("pricingNoticeStartedOn", EngineClock.today().toString());
        caseFile.record(execution.getProcessBusinessKey(), CaseFile.SYSTEM, "PRICING_NOTICE_STARTED", "发布协议定价公示",
                "协议定价公示" + properties.pricingNoticeCalendarDays() + "日，至 "
                        + MINUTE.format(endsAt.toInstant().atZone(EngineClock.ZONE)));
    }

    /** One deadline for the five landing departments, so that they are measured alike. */
    void scheduleLanding(DelegateExecution execution) {
        Date dueAt = workdays.calendarDays(properties.landingCalendarDays());
        execution.setVariable(LANDING_DUE_AT, dueAt);
        caseFile.record(execution.getProcessBusinessKey(), CaseFile.SYSTEM, "LANDING_STARTED", "启动落地服务",
                "空间、政策、人才、资金、登记五项落地服务，" + properties.landingCalendarDays() + "日内办结，至 "
                        + MINUTE.format(dueAt.toInstant().atZone(EngineClock.ZONE)));
    }

    void recordCoordinationAnswer(DelegateExecution execution) {
        String answer = "协调部门 " + execution.getVariable(COORDINATION_DEPARTMENT) + " 答复："
                + execution.getVariable("coordinationAnswer")
                + ("YES".equals(execution.getVariable("coordinationResolved")) ? "（已解决）" : "（未解决）");
        execution.setVariable("lastCoordinationAnswer", answer);
        caseFile.record(execution.getProcessBusinessKey(), CaseFile.SYSTEM, "COORDINATION_ANSWERED", "反馈协调结果", answer);
    }

    void closeProject(DelegateExecution execution) {
        String code = (String) execution.getVariable(CLOSURE_OUTCOME);
        String outcome = "结项：" + CLOSURE_OUTCOMES.get(code);
        if ("GRADUATED".equals(code)) {
            outcome += "（" + CRITERIA.get((String) execution.getVariable(GRADUATION_CRITERION)) + "）";
        } else {
            execution.setVariable(REASON, execution.getVariable("closureNote"));
        }
        close(execution, outcome);
    }

    void closeWithdrawn(DelegateExecution execution) {
        String by = (String) execution.getVariable(WITHDRAWN_BY);
        execution.setVariable(REASON, execution.getVariable(WITHDRAWAL_REASON));
        close(execution, ("stc".equals(by) ? "区科委终止项目：" : "高校撤回项目：") + execution.getVariable(WITHDRAWAL_REASON));
    }

    private void close(DelegateExecution execution, String outcome) {
        execution.setVariable(OUTCOME, outcome);
        caseFile.close(execution.getProcessBusinessKey(), outcome, CaseFile.SYSTEM);
    }
}
