package cn.parkflow.conversion;

import static cn.parkflow.form.RequiredAnswers.require;
import static cn.parkflow.form.RequiredAnswers.requireWhen;

import static cn.parkflow.conversion.AchievementConversionProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.form.SubmissionRules;
import cn.parkflow.form.UnifiedCreditCode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The conversion rules a form cannot say by itself, checked by the kernel at every completion:
 * 双验证 before "go", the rights figures the chosen arrangement needs, no notice result before the
 * notice has run its 15 days, a hosting incubator that is in the incubator register, and no
 * graduation the decision table did not grant.
 */
@Component
class ConversionSubmissionRules implements SubmissionRules {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final HostingIncubators incubators;

    ConversionSubmissionRules(HostingIncubators incubators) {
        this.incubators = incubators;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(KEY);
    }

    @Override
    public List<String> check(String stepId, Map<String, Object> v) {
        List<String> errors = new ArrayList<>();
        if (stepId == null) {
            return errors;
        }
        switch (stepId) {
            case TASK_ACCEPT_LEAD -> requireWhen(v, "leadDecision", "DECLINE", "declineReason", "不予纳入的理由", errors);
            case TASK_ASSIGN_MANAGER -> {
                Object department = v.get(MANAGER_DEPARTMENT);
                if (!"stc".equals(department) && !String.valueOf(v.get(INSTITUTION)).equals(department)) {
                    errors.add("技术经理人所属单位：应为本项目的高校技术转移机构或区科委");
                }
            }
            case TASK_VERIFY_CONCEPT -> {
                if ("GO".equals(v.get("conceptDecision"))
                        && !("PASS".equals(v.get("technicalVerdict")) && "PASS".equals(v.get("marketVerdict")))) {
                    errors.add("验证结论：技术验证和市场验证均通过（双验证）方可进入赋权");
                }
                if (!"GO".equals(v.get("conceptDecision"))) {
                    require(v, "verificationNote", "迭代或终止的说明", errors);
                }
            }
            case TASK_ARRANGE_RIGHTS -> {
                if ("OWNERSHIP_PART".equals(v.get("rightsArrangement"))) {
                    Number share = (Number) v.get("rightsShare");
                    if (share == null || share.doubleValue() <= 0 || share.doubleValue() >= 100) {
                        errors.add("赋予的所有权比例：部分赋权时应大于0%、小于100%");
                    }
                }
                if ("USE_RIGHT".equals(v.get("rightsArrangement"))) {
                    Number years = (Number) v.get("useRightYears");
                    if (years == null || years.intValue() < 10) {
                        errors.add("长期使用权年限：赋予长期使用权的，不少于10年");
                    }
                }
            }
            case TASK_RUN_PRICING_NOTICE -> {
                Date endsAt = (Date) v.get(PRICING_NOTICE_ENDS_AT);
                if (endsAt != null && EngineClock.now().isBefore(endsAt.toInstant())) {
                    errors.add("公示结果：公示期至" + DAY.format(endsAt.toInstant().atZone(EngineClock.ZONE)) + "，期满后方可登记");
                }
                requireWhen(v, "pricingObjection", "RECEIVED", "objectionSummary", "异议内容", errors);
            }
            case TASK_PROVIDE_SPACE -> {
                String problem = incubators.problem(v.get(HostingIncubators.NAME));
                if (problem != null) {
                    errors.add(problem);
                }
            }
            case TASK_REGISTER_COMPANY -> {
                Object code = v.get("companyCreditCode");
                if (code != null && !UnifiedCreditCode.isValid(code.toString())) {
                    errors.add("统一社会信用代码：校验码不正确，请核对");
                }
            }
            case TASK_CONFIRM_LANDING -> {
                requireWhen(v, "landed", "YES", "landingDate", "落地日期", errors);
                requireWhen(v, "landed", "NO", "notLandedReason", "未落地原因", errors);
            }
            case TASK_REPORT_QUARTER -> {
                if (v.get("coordinationTopic") != null && !"NONE".equals(v.get("coordinationTopic"))) {
                    require(v, "coordinationRequest", "协调事项说明", errors);
                }
            }
            case TASK_CLOSE_PROJECT -> {
                if ("GRADUATED".equals(v.get(CLOSURE_OUTCOME)) && !Boolean.TRUE.equals(v.get(GRADUATED))) {
                    errors.add("结项结论：未达到毕业条件（高新技术企业、累计融资超过500万元或营业收入超过门槛），不能按毕业结项");
                }
                if (!"GRADUATED".equals(v.get(CLOSURE_OUTCOME))) {
                    require(v, "closureNote", "结项说明", errors);
                }
            }
            default -> {
                // the form's own rules suffice
            }
        }
        return errors;
    }
}
