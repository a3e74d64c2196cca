package cn.parkflow.incubator;

import cn.parkflow.form.UnifiedCreditCode;
import static cn.parkflow.incubator.IncubatorCertificationProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

/**
 * Example incubator cases at different stages for a first look at Tasklist and Cockpit. Cases that
 * start mid-way go through the same start listener (case file, business key) as real applications.
 */
class DemoCases {

    private final RuntimeService runtimeService;
    private final CaseFile caseFile;
    private final CertificateRegister register;
    private final AnnualEvaluations evaluations;
    private final IncubatorClock clock;

    DemoCases(RuntimeService runtimeService, CaseFile caseFile, CertificateRegister register,
              AnnualEvaluations evaluations, IncubatorClock clock) {
        this.runtimeService = runtimeService;
        this.caseFile = caseFile;
        this.register = register;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    /** Submitted by applicant1, waiting for the formal check (its documents are not uploaded: the check finds it incomplete). */
    String awaitingFormalCheck() {
        return start(application("闵行创新孵化器", "上海闵行创新孵化器管理有限公司", "91310112MA1FL0001", "XINZHUANG",
                "上海市闵行区莘庄工业区春东路508号"), TASK_FORMAL_CHECK);
    }

    /** Accepted and pre-checked; the five expert seats are open. */
    String inExpertReview() {
        Map<String, Object> v = application("零号湾硬科技孵化器", "上海零号湾硬科技孵化器有限公司", "91310112MA1FL0002", "ZEROBAY",
                "上海市闵行区剑川路930号");
        v.putAll(Map.of("formalCheckResult", "COMPLETE", "failedCriteria", "无", "failedCriterionCount", 0,
                "reachableTrack", "HIGH_QUALITY", "eligible", true, "eligibilityDecision", "ELIGIBLE"));
        // the whole panel: the call activity starts the expert review with all its seats
        return start(v, TASK_EXPERT_REVIEW);
    }

    /** Approved by the district; the 5-working-day public notice is running. */
    String inPublicNotice() {
        Map<String, Object> v = application("交大科技园孵化器", "上海交大科技园有限公司", "91310112MA1FL0003", "MHEDZ",
                "上海市闵行区东川路555号");
        v.putAll(Map.of("formalCheckResult", "COMPLETE", "failedCriteria", "无", "reachableTrack", "HIGH_QUALITY",
                "eligible", true, "eligibilityDecision", "ELIGIBLE", "expertMeanScore", 82.5, "expertMinScore", 76.0,
                "expertReviewPassed", true, "siteInspectionResult", "CONFIRMED"));
        v.putAll(Map.of("verifiedArea", 15000, "verifiedIncubateeCount", 72, "certificationDecision", "APPROVE"));
        return start(v, "Task_StartPublicNotice");
    }

    /** Certified a year ago; its evaluation of last year waits for the operator's report. */
    Certificate certifiedWithEvaluationDue() {
        LocalDate today = EngineClock.today();
        String number = caseFile.open(new NewCase(CASE_TYPE, "高质量孵化器认定申请：闵行智造孵化器", "applicant2",
                "零号湾科技", "stc"), "applicant2").number();
        Certificate certificate = register.issue(new Certificate(null, number, "闵行智造孵化器", "零号湾科技",
                code("91310112MA1FL0004"),
                "HIGH_QUALITY", "上海市闵行区沪闵路6088号", 12500.0, "applicant2", null, null, null, null), today.minusYears(1));
        caseFile.close(number, "已认定：" + certificate.number() + "，有效期至 " + certificate.validUntil(), CaseFile.SYSTEM);
        evaluations.start(certificate, today.getYear() - 1);
        return certificate;
    }

    private String start(Map<String, Object> variables, String activityId) {
        ProcessInstantiationBuilder builder = runtimeService.createProcessInstanceByKey(KEY).setVariables(variables);
        if (activityId == null) {
            return builder.execute().getBusinessKey();
        }
        String number = builder.startBeforeActivity(activityId).execute().getBusinessKey();
        clock.start(number); // it starts past Task_StartStatutoryClock, and its clock must run as a real case's does
        return number;
    }

    private static Map<String, Object> application(String incubator, String operator, String first17, String block,
                                                   String address) {
        Map<String, Object> v = new HashMap<>();
        v.put(APPLICANT, "applicant1");
        v.put("incubatorName", incubator);
        v.put("operatorName", operator);
        v.put("creditCode", code(first17));
        v.put("legalRepresentative", "王建国");
        v.put("contactName", "陈晓");
        v.put("contactPhone", "13900139000");
        v.put("contactEmail", "applicant1@parkflow.example");
        v.put("address", address);
        v.put("block", block);
        v.put("requestedTrack", "HIGH_QUALITY");
        v.put("industryFocus", "高端装备、人工智能");
        v.put("foundingDate", "2019-09-01");
        v.put("statisticsYears", 4);
        v.put("area", 15000.0);
        v.put("incubateeArea", 12500.0);
        v.put("incubateeCount", 72);
        v.put("graduatedCount", 28);
        v.put("staffCount", 12);
        v.put("professionalStaffCount", 10);
        v.put("mentorCount", 9);
        v.put("fundSize", 1200.0);
        v.put("financedCount", 15);
        v.put("patentApplicantCount", 40);
        v.put("validIpCount", 30);
        v.put("targets", "三年内新增在孵企业60家、毕业企业30家，培育高新技术企业20家。");
        v.put("integrityPledge", true);
        return v;
    }

    private static String code(String first17) {
        return first17 + UnifiedCreditCode.checkCharacter(first17);
    }
}
