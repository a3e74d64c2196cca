package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import cn.parkflow.calendar.DeclaredClocks;
import cn.parkflow.calendar.StatutoryClock;
import cn.parkflow.calendar.TestClocks;
import cn.parkflow.calendar.WorkingDayCalendar;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.CaseStages;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.department.DepartmentHeads;
import cn.parkflow.document.TestDocuments;
import cn.parkflow.form.SubmissionRules;
import cn.parkflow.support.Delegates;
import cn.parkflow.support.ProcessEngineTest;
import jakarta.validation.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.mockito.Mockito;

/**
 * Engine tests of the IP case models: the kit's engine, clock, case file and mail recorder with the
 * IP case's real delegates, intake, rules and DMNs; the statutory clock a mock unless a test wires
 * the real one ({@link #wireClocks()}); closed cases collected in {@link #closed}.
 */
@Deployment(resources = {"bpmn/ip-protection-case.bpmn", "bpmn/ip-consultation.bpmn", "bpmn/ip-mediation.bpmn",
        "bpmn/ip-enforcement.bpmn", "bpmn/ip-adjudication.bpmn", "bpmn/ip-criminal-transfer.bpmn",
        "bpmn/ip-litigation-guidance.bpmn", "bpmn/ip-monthly-statistics.bpmn", "bpmn/statutory-clock.bpmn", "bpmn/dmn/ip-triage-channel.dmn",
        "bpmn/dmn/ip-enforcement-department.dmn", "bpmn/dmn/ip-closure-category.dmn"})
abstract class IpProcessSupport extends ProcessEngineTest {

    static final String APPLICANT_USER = "rightholder1";
    static final String STATION_OFFICER = "ip-station-officer";

    DeclaredClocks clocks = mock(DeclaredClocks.class);
    DepartmentHeads heads = mock(DepartmentHeads.class);
    TestDocuments documents;
    StatutoryClock clock = mock(StatutoryClock.class);
    final List<IpCaseOutcome> closed = new ArrayList<>();

    /** The department holding each case, as the mocked case file gives it (the kit's default otherwise). */
    final Map<String, String> departments = new HashMap<>();
    private final Map<String, Instant> openedAt = new HashMap<>();

    /** The kit's mocked case, opened when first seen and held by {@link #departments}. */
    @Override
    protected CaseRecord record(String number, String type, String applicantUser) {
        CaseRecord kit = super.record(number, type, applicantUser);
        return new CaseRecord(kit.number(), kit.type(), kit.title(), kit.applicantUser(), kit.applicantOrganisation(),
                departments.getOrDefault(number, kit.department()), kit.status(),
                openedAt.computeIfAbsent(number, opened -> ClockUtil.getCurrentTime().toInstant()), null, null, null);
    }

    @Override
    protected CaseStages caseStages() {
        return new IpCaseStages();
    }

    @Override
    protected SubmissionRules submissionRules() {
        return new IpSubmissionRules();
    }

    /**
     * The kernel's real statutory clock (tables on H2) with the IP case's three clocks, instead of the
     * mock: for a test's {@link #wireClocks()}. Cases are numbered from {@code cases}, and each opens
     * its clock record as the case file would.
     */
    TestClocks wireRealClocks(String name, AtomicInteger cases) {
        IpCaseProperties properties = IpCaseProperties.defaults();
        TestClocks real = TestClocks.register(name, engine, caseFile, List.of(IpClocks.ipMediationClock(properties),
                IpClocks.ipEnforcementClock(properties), IpClocks.ipAdjudicationClock(properties)), heads);
        clocks = real.declared();
        clock = real.clock();
        doAnswer(call -> {
            NewCase opened = call.getArgument(0);
            String number = "IP-2026-%04d".formatted(cases.incrementAndGet());
            real.openCase(number);
            return record(number, opened.type(), opened.applicantUser());
        }).when(caseFile).open(any(), anyString());
        return real;
    }

    /** The statutory clock: a mock whose deadline is a fixed date, unless overridden. */
    void wireClocks() {
        Mockito.when(clock.due(Mockito.anyString())).thenReturn(at("2026-12-31T17:30:00"));
        Mocks.register("statutoryClock", clock);
    }

    @Override
    protected void wireProcess() {
        wireClocks();
        IpCaseOutcomes outcomes = new IpCaseOutcomes(null) {
            @Override
            void save(IpCaseOutcome outcome) {
                closed.add(outcome);
            }

            @Override
            List<IpCaseOutcome> closedBetween(java.time.LocalDate from, java.time.LocalDate to) {
                return closed.stream().filter(c -> !c.closedOn().isBefore(from) && !c.closedOn().isAfter(to)).toList();
            }
        };
        IpChannels channels = new IpChannels(caseFile);
        Mocks.register("ipCaseIntake", new IpCaseIntake(caseFile, Validation.buildDefaultValidatorFactory().getValidator(),
                STATION_OFFICER::equals));
        Mocks.register("ipOutcomes", new IpOutcomes());
        IpStatistics statistics = new IpStatistics(outcomes, WorkingDayCalendar.bundled(), caseFile);
        Delegates.register(new IpCaseDelegates(), new IpClocks(clocks, clock, channels, caseFile), channels,
                new IpCaseClosing(caseFile, outcomes, WorkingDayCalendar.bundled()), statistics);
        Mocks.register("ipStatistics", statistics);
        Mocks.register("departmentHeads", heads);
        documents = TestDocuments.register(caseFile, new IpDocumentData(statistics, engine.getHistoryService(),
                engine.getIdentityService(), engine.getDecisionService()));
    }

    /** A right holder's request: a trademark, complaint for enforcement, no court involved. */
    static Map<String, Object> request(String ipType, String service, boolean courtAccepted) {
        Map<String, Object> v = new HashMap<>();
        v.put("applicantName", "上海零号湾智能科技有限公司");
        v.put("applicantEmail", "legal@zerobay-tech.example");
        v.put("applicantPhone", "021-54740000");
        v.put("ipType", ipType);
        v.put("rightNumber", "ZL202310001234.5");
        v.put("rightStatus", "VALID");
        v.put("serviceRequested", service);
        v.put("counterpartyName", "某电子商务有限公司");
        v.put("counterpartyEmail", "counterparty@example.com");
        v.put("facts", "被申请人在电商平台销售仿冒产品。");
        v.put("infringementSetting", "ONLINE");
        v.put("amountClaimed", 50);
        v.put("courtAccepted", courtAccepted);
        return v;
    }

    ProcessInstance submit(Map<String, Object> request) {
        return start(KEY, APPLICANT_USER, request);
    }

    /** Submitted, registered, accepted: the case waits at triage. */
    ProcessInstance accepted(Map<String, Object> request) {
        ProcessInstance instance = submit(request);
        runAsyncJobs();
        completeTask(instance, TASK_REGISTER_INTAKE, STATION_OFFICER, Map.of("rightStatus", "VALID",
                "courtAccepted", request.get("courtAccepted")));
        completeTask(instance, TASK_DECIDE_ACCEPTANCE, STATION_OFFICER, Map.of(ACCEPTANCE_DECISION, "ACCEPT"));
        return instance;
    }

    /** The officer confirms the channel the DMN proposed. */
    void triageAsProposed(ProcessInstance instance) {
        String proposed = (String) engine.getRuntimeService().getVariable(instance.getId(), PROPOSED_CHANNEL);
        completeTask(instance, TASK_TRIAGE, STATION_OFFICER, Map.of(CHANNEL, proposed));
    }

    void closeWithSatisfaction(ProcessInstance instance) {
        completeTask(instance, TASK_CLOSE, STATION_OFFICER, Map.of(SATISFACTION, "SATISFIED",
                "satisfactionSource", "RECORDED_BY_OFFICER"));
    }

    boolean hasCandidateGroup(ProcessInstance instance, String taskKey, String group) {
        return engine.getTaskService().getIdentityLinksForTask(openTask(instance, taskKey).getId()).stream()
                .anyMatch(link -> group.equals(link.getGroupId()));
    }
}
