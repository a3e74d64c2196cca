package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.parkflow.calendar.DeclaredClocks;
import cn.parkflow.casefile.CaseStages;
import cn.parkflow.form.SubmissionRules;
import cn.parkflow.support.Delegates;
import cn.parkflow.support.ProcessEngineTest;
import jakarta.validation.Validation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Engine tests of the incubator models: the kit's engine, clock, case file and mail recorder
 * ({@link ProcessEngineTest}) with the incubator's real delegates, listeners and rules, its
 * registers and the statutory clock as mocks.
 */
abstract class CertificationProcessSupport extends ProcessEngineTest {

    static final String APPLICANT_USER = "applicant1";

    final DeclaredClocks clock = mock(DeclaredClocks.class);
    final OperatorBans bans = mock(OperatorBans.class);
    /** A call for applications is open unless a test says otherwise. */
    final ApplicationWindows windows = mock(ApplicationWindows.class);
    final CertificateRegister register = mock(CertificateRegister.class);
    final List<ExpertScore> savedScores = new ArrayList<>();
    final IncubatorProperties properties = new IncubatorProperties(5, 30, 3, 2, "supervision");

    @Override
    protected CaseStages caseStages() {
        return new IncubatorCaseStages();
    }

    @Override
    protected SubmissionRules submissionRules() {
        return new IncubatorSubmissionRules();
    }

    @Override
    protected void wireProcess() {
        when(bans.bannedUntil(anyString(), any())).thenReturn(Optional.empty());
        when(windows.refusalOn(any())).thenReturn(Optional.empty());
        when(register.issue(any(), any())).thenAnswer(call -> {
            Certificate draft = call.getArgument(0);
            LocalDate today = call.getArgument(1);
            return new Certificate(Certificate.formatNumber(today.getYear(), 1), draft.caseNumber(), draft.incubatorName(),
                    draft.operatorName(), draft.creditCode(), draft.track(), draft.address(), draft.area(), draft.applicantUser(), today,
                    today.plusYears(3).minusDays(1), Certificate.VALID, null);
        });
        ExpertScores scores = new ExpertScores(null) {
            @Override
            void save(String caseNumber, ExpertScore score) {
                savedScores.add(score);
            }

            @Override
            List<ExpertScore> list(String caseNumber) {
                return List.copyOf(savedScores);
            }
        };
        IncubatorClock incubatorClock = new IncubatorClock(clock);
        ExpertPanel panel = new ExpertPanel(scores, caseFile);
        Mocks.register("expertPanel", panel);
        Mocks.register("incubatorFormat", new IncubatorFormat());
        AnnualEvaluationSteps annualSteps = new AnnualEvaluationSteps(register, caseFile, workdays, engine.getHistoryService());
        Mocks.register("annualEvaluationSteps", annualSteps);
        Mocks.register("incubatorApplicationIntake", new ApplicationIntake(caseFile, bans,
                Validation.buildDefaultValidatorFactory().getValidator(), properties, windows));
        Delegates.register(new IncubatorDelegates(), incubatorClock, panel, new IncubatorCase(caseFile, incubatorClock),
                new IncubatorCertificates(register), annualSteps, new ChangeReportSteps(register, caseFile),
                new AnnualEvaluations(register, engine.getRuntimeService(), engine.getHistoryService()));
    }

    /** A certificate in the register, held by {@link #APPLICANT_USER}. */
    static Certificate certificate(String number, LocalDate validFrom) {
        return new Certificate(number, "INC-2023-0007", "零号湾创新孵化器", "上海零号湾创业服务有限公司",
                validCreditCode("91310112MA1GB0000"), "HIGH_QUALITY", "上海市闵行区剑川路100号", 12000.0, APPLICANT_USER,
                validFrom, validFrom.plusYears(3).minusDays(1), Certificate.VALID, null);
    }

    /** An application that meets every threshold; block 大零号湾. */
    static Map<String, Object> application() {
        return ApplicationFixture.qualifying("91310112MA1GB0000");
    }

    static String validCreditCode(String first17) {
        return ApplicationFixture.creditCode(first17);
    }

    /** Submitted by {@link #APPLICANT_USER}, who then uploads the documents and completes 上传申报材料. */
    ProcessInstance start(Map<String, Object> variables) {
        ProcessInstance instance = submit(variables);
        completeTask(instance, TASK_UPLOAD_DOCUMENTS, APPLICANT_USER, Map.of());
        return instance;
    }

    /** Only the start form: the case waits at 上传申报材料. */
    ProcessInstance submit(Map<String, Object> variables) {
        return start(KEY, APPLICANT_USER, variables);
    }

    ProcessInstance startAndAccept(Map<String, Object> variables) {
        ProcessInstance instance = start(variables);
        runAsyncJobs();
        completeTask(instance, TASK_FORMAL_CHECK, "stc-officer", Map.of("formalCheckResult", "COMPLETE"));
        return instance;
    }

    void confirmEligible(ProcessInstance instance) {
        completeTask(instance, TASK_CONFIRM_ELIGIBILITY, "stc-officer", Map.of("eligibilityDecision", "ELIGIBLE"));
    }

    /**
     * Five experts declare no conflict and score every dimension with {@code score}, the last one {@code lastScore}.
     * The seats are tasks of the called expert review, which shares the case number (business key).
     */
    void scoreByPanel(ProcessInstance instance, int score, int lastScore) {
        for (int i = 1; i <= 5; i++) {
            String expert = "expert" + i;
            Task declaration = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                    .taskDefinitionKey(TASK_DECLARE_CONFLICT).taskUnassigned().list().get(0);
            engine.getTaskService().claim(declaration.getId(), expert);
            engine.getTaskService().complete(declaration.getId(), Map.of("conflictDeclaration", "NO_CONFLICT"));
            Task scoring = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                    .taskDefinitionKey(TASK_SCORE).taskAssignee(expert).singleResult();
            int s = i == 5 ? lastScore : score;
            engine.getTaskService().complete(scoring.getId(), Map.of("scoreCapability", s, "scoreEffectiveness", s,
                    "scoreSustainability", s, "scoreInnovation", s, "expertComment", "服务体系完善，成效明显。"));
        }
        runAsyncJobs();
    }

    void inspectSite(ProcessInstance instance, String result, String discrepancies) {
        Map<String, Object> v = new HashMap<>(Map.of("inspectionDate", "2026-03-20", "verifiedArea", 11800,
                "verifiedIncubateeCount", 58, "siteInspectionResult", result));
        if (discrepancies != null) {
            v.put("siteDiscrepancies", discrepancies);
        }
        completeTask(instance, TASK_INSPECT_SITE, "stc-officer", v);
    }

    void decide(ProcessInstance instance, String decision, String reason) {
        Map<String, Object> v = new HashMap<>(Map.of("certificationDecision", decision));
        if (reason != null) {
            v.put("decisionReason", reason);
        }
        completeTask(instance, TASK_DECIDE, "supervisor", v);
    }
}
