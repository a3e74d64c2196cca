package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseQuery;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.security.CurrentUser;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * The transfer offices' registrations and the pipeline: every conversion project with its stage,
 * the date it entered it, its next milestone and its status colour, and the count per stage.
 */
@Service
class ConversionProjects {

    /** Enough for the district's pipeline (dozens of projects a year). */
    private static final int PIPELINE_LIMIT = 1000;
    private static final List<String> TRACKED = List.of(PROJECT_TITLE, INSTITUTION, "principalInvestigator", "field",
            "trl", TECHNOLOGY_MANAGER, STATUS_COLOUR, "nextMilestone", "nextMilestoneDate", "companyName",
            HostingIncubators.NAME, HostingIncubators.CERTIFICATE_NUMBER, "conversionMode", "dealValue", "revenue",
            "financingTotal", "headcount");

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final CaseFile caseFile;
    private final ConversionProperties properties;

    ConversionProjects(RuntimeService runtimeService, HistoryService historyService, IdentityService identityService,
                       CaseFile caseFile, ConversionProperties properties) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.caseFile = caseFile;
        this.properties = properties;
    }

    /** Starts the tracking as the caller, for the caller's transfer office, and returns the case number. */
    String register(ConversionLead lead, CurrentUser user) {
        String institution = institutionOf(user);
        if (institution == null) {
            throw problem(HttpStatus.FORBIDDEN, "只有高校技术转移机构的工作人员可以登记成果转化线索");
        }
        return runtimeService.startProcessInstanceByKey(KEY, lead.toVariables(institution)).getBusinessKey();
    }

    /**
     * Withdraws (the registrant's transfer office) or stops (stc) a project at whatever stage it is,
     * with a reason: the model's withdrawal event closes the case and tells the registrant.
     */
    void withdraw(String number, String reason, CurrentUser user) {
        correlateWithdrawal(number, reason, withdrawer(number, user));
    }

    /**
     * Who withdraws the project, as the model records it: {@code stc} when stc stops it, else the
     * transfer-office officer's id. 404 for a case that is not a conversion project, 403 for anyone
     * but an officer of the project's own transfer office or of stc, 409 once the case is closed.
     */
    String withdrawer(String number, CurrentUser user) {
        CaseRecord record = caseFile.get(number);
        if (!CASE_TYPE.equals(record.type())) {
            throw problem(HttpStatus.NOT_FOUND, "不是成果转化项目：" + number);
        }
        String institution = user.isApplicant() ? null : institutionOf(user);
        String projectInstitution = (String) asServer(() -> variables(number)).get(INSTITUTION);
        boolean office = institution != null && institution.equals(projectInstitution);
        boolean owner = user.belongsTo("stc") && !user.isApplicant();
        if (!office && !owner) {
            throw problem(HttpStatus.FORBIDDEN, "只有项目所属高校技术转移机构或区科委可以撤回或终止项目");
        }
        if (record.isClosed()) {
            throw problem(HttpStatus.CONFLICT, "项目已办结：" + number);
        }
        return owner ? "stc" : user.id();
    }

    /** The withdrawal message, sent by the server: the caller may not correlate messages in the engine. */
    void correlateWithdrawal(String number, String reason, String withdrawnBy) {
        try {
            asServer(() -> runtimeService.createMessageCorrelation(WITHDRAWAL_MESSAGE).processInstanceBusinessKey(number)
                    .setVariable(WITHDRAWAL_REASON, reason).setVariable(WITHDRAWN_BY, withdrawnBy)
                    .correlate());
        } catch (MismatchingMessageCorrelationException withdrawnMeanwhile) {
            // someone else withdrew it a moment ago; its closing (a job) has not yet run
            throw problem(HttpStatus.CONFLICT, "项目已被他人撤回或终止，请刷新后查看：" + number);
        }
    }

    /**
     * The pipeline the caller may see: stc and supervisors every project, a transfer office its own
     * institution's. {@code stage} is a stage code, {@code status} OPEN or CLOSED, {@code colour}
     * GREEN, YELLOW or RED; each may be empty.
     */
    Pipeline pipeline(String stage, String status, String colour, CurrentUser user) {
        String institution = user.isApplicant() ? null : institutionOf(user);
        boolean everyProject = user.readsEverything() || (user.belongsTo("stc") && !user.isApplicant());
        if (!everyProject && institution == null) {
            throw problem(HttpStatus.FORBIDDEN, "成果转化项目清单仅供区科委、督查部门和高校技术转移机构查阅");
        }
        if (stage != null && !ConversionCaseStages.LABELS.containsKey(stage) && !CaseFile.STATUS_CLOSED.equals(stage)) {
            throw new IllegalArgumentException("stage：应为 " + String.join("、", ConversionCaseStages.LABELS.keySet()));
        }
        if (status != null && !Set.of("OPEN", "CLOSED").contains(status)) {
            throw new IllegalArgumentException("status：应为 OPEN（跟踪中）或 CLOSED（已办结）");
        }
        if (colour != null && !Set.of(GREEN, YELLOW, RED).contains(colour)) {
            throw new IllegalArgumentException("colour：应为 GREEN、YELLOW 或 RED");
        }
        List<Project> visible = asServer(() -> caseFile.search(new CaseQuery(CASE_TYPE, null, null, null, 0, PIPELINE_LIMIT))
                .stream().map(this::project)
                .filter(p -> everyProject || institution.equals(p.institution()))
                .filter(p -> status == null || status.equals(p.closed() ? "CLOSED" : "OPEN"))
                .filter(p -> colour == null || colour.equals(p.statusColour()))
                .toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        ConversionCaseStages.LABELS.keySet().forEach(code -> counts.put(code, 0L));
        visible.forEach(p -> counts.merge(p.stage(), 1L, Long::sum));
        List<Project> listed = visible.stream().filter(p -> stage == null || stage.equals(p.stage()))
                .sorted(Comparator.comparing(Project::caseNumber)).toList();
        return new Pipeline(counts, ConversionCaseStages.LABELS, listed);
    }

    private Project project(CaseRecord record) {
        Map<String, Object> v = variables(record.number());
        LocalDate since = caseFile.events(record.number()).stream()
                .filter(e -> "STATUS_CHANGED".equals(e.action()) || "CLOSED".equals(e.action()) || "OPENED".equals(e.action()))
                .map(CaseEvent::occurredAt).max(Comparator.naturalOrder())
                .map(at -> at.atZone(EngineClock.ZONE).toLocalDate()).orElse(null);
        String stage = record.isClosed() ? CaseFile.STATUS_CLOSED : record.status();
        return new Project(record.number(), (String) v.get(PROJECT_TITLE), (String) v.get(INSTITUTION),
                record.applicantOrganisation(), stage, ConversionCaseStages.LABELS.getOrDefault(stage, "已办结"), since,
                (String) v.getOrDefault(STATUS_COLOUR, GREEN), (String) v.get("nextMilestone"),
                text(v.get("nextMilestoneDate")), (String) v.get(TECHNOLOGY_MANAGER), record.isClosed(), record.outcome(),
                v);
    }

    /** The project's tracked fields, read as the server: the caller has been allowed to read the case. */
    Map<String, Object> trackedFields(String number) {
        return asServer(() -> variables(number));
    }

    private Map<String, Object> variables(String number) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(number).processDefinitionKey(KEY).singleResult();
        if (instance == null) {
            return Map.of();
        }
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableNameIn(TRACKED.toArray(String[]::new)).list().stream()
                .filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue,
                        (a, b) -> b, LinkedHashMap::new));
    }

    private String institutionOf(CurrentUser user) {
        return properties.institutions().stream().filter(user::belongsTo).findFirst().orElse(null);
    }

    /** Reads across cases after the caller has been checked: see {@link AsServer}. */
    private void asServer(Runnable action) {
        AsServer.run(identityService, action);
    }

    private <T> T asServer(java.util.function.Supplier<T> read) {
        return AsServer.call(identityService, read);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    record Project(String caseNumber, String title, String institution, String institutionName, String stage,
                   String stageName, LocalDate stageEnteredOn, String statusColour, String nextMilestone,
                   String nextMilestoneDate, String technologyManager, boolean closed, String outcome,
                   Map<String, Object> trackedFields) {
    }

    record Pipeline(Map<String, Long> countsByStage, Map<String, String> stageNames, List<Project> projects) {
    }
}
