package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.document.DocumentData;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * What the IP letters ({@code documents/ipcase-*.html}) show beyond the step's variables: the words
 * for the codes (IP type, service, not-accepted ground, decision kind, outcome), the agreement's terms
 * one per line, the mediator who held the session, and the monthly report's figures as
 * {@link IpStatistics} counts them.
 */
@Component
class IpDocumentData implements DocumentData {

    static final String ACCEPTANCE = "ipcase-acceptance";
    static final String NON_ACCEPTANCE = "ipcase-non-acceptance";
    static final String MEDIATION_AGREEMENT = "ipcase-mediation-agreement";
    static final String MONTHLY = "ipcase-monthly-statistics";
    private static final Map<String, String> NOT_ACCEPTED = Map.of("OUT_OF_SCOPE", "不属于本工作站受理范围",
            "RIGHT_INVALID", "所涉权利无效或者不处于有效状态");
    private static final Map<String, String> DECISION_KINDS = Map.of("ENFORCEMENT_PENALTY", "行政处罚决定",
            "ENFORCEMENT_NO_PENALTY", "不予行政处罚决定", "ADJUDICATION_RULING", "专利侵权纠纷行政裁决",
            "ADJUDICATION_MEDIATED", "专利侵权纠纷行政调解协议");

    private final IpStatistics statistics;
    private final HistoryService history;
    private final IdentityService identity;
    private final DecisionService decisions;

    IpDocumentData(IpStatistics statistics, HistoryService history, IdentityService identity, DecisionService decisions) {
        this.statistics = statistics;
        this.history = history;
        this.identity = identity;
        this.decisions = decisions;
    }

    @Override
    public boolean covers(String templateId) {
        return templateId.startsWith("ipcase-");
    }

    @Override
    public Map<String, ?> dataFor(String templateId, String caseNumber, Map<String, Object> variables) {
        if (MONTHLY.equals(templateId)) {
            return monthly(YearMonth.parse((String) variables.get("statisticsMonth")));
        }
        Map<String, Object> data = new HashMap<>();
        Object ipType = variables.get(IP_TYPE);
        if (ipType != null) {
            data.put("ipTypeLabel", IpCaseApplication.IpType.valueOf(ipType.toString()).label);
        }
        Object service = variables.get(SERVICE_REQUESTED);
        if (service != null) {
            data.put("serviceLabel", IpOutcomes.channel(service.toString()));
        }
        Object decision = variables.get(ACCEPTANCE_DECISION);
        if (decision != null) {
            data.put("acceptanceDecisionLabel", NOT_ACCEPTED.getOrDefault(decision.toString(), ""));
        }
        Object outcome = variables.get(CHANNEL_OUTCOME);
        if (outcome != null) {
            data.put("outcomeLabel", IpOutcomes.LABELS.getOrDefault(outcome.toString(), outcome.toString()));
            data.put("decisionKind", DECISION_KINDS.getOrDefault(outcome.toString(), ""));
            data.put("decidedOn", EngineClock.today());
            data.put("findings", variables.getOrDefault("investigationNote", variables.get("answerSummary")));
        }
        if (MEDIATION_AGREEMENT.equals(templateId)) {
            data.put("terms", terms((String) variables.get("mediationSummary")));
            data.put("mediator", mediator(caseNumber));
        }
        return data;
    }

    /** One term per line (or per 「；」) of what the mediator recorded. */
    static List<Map<String, String>> terms(String summary) {
        return summary == null ? List.of() : Arrays.stream(summary.split("[\\n；;]+")).map(String::trim)
                .filter(term -> !term.isEmpty()).map(term -> Map.of("text", term)).toList();
    }

    /** The name of whoever completed the case's last mediation session. */
    private String mediator(String caseNumber) {
        List<HistoricTaskInstance> sessions = history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(caseNumber).taskDefinitionKey(TASK_MEDIATE).finished()
                .orderByHistoricTaskInstanceEndTime().desc().list();
        String userId = sessions.isEmpty() ? null : sessions.get(0).getAssignee();
        if (userId == null) {
            return "";
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getLastName() == null ? "" : user.getLastName())
                + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
        return name.isEmpty() ? userId : name;
    }

    private Map<String, Object> monthly(YearMonth month) {
        IpStatistics.Monthly figures = statistics.of(month);
        Map<String, Object> data = new HashMap<>();
        data.put("reportMonth", month.getYear() + "年" + month.getMonthValue() + "月");
        data.put("closed", figures.closed());
        data.put("onTime", figures.onTime());
        data.put("onTimeRate", figures.onTimeRate() == null ? "—（当月无办结案件）" : Math.round(figures.onTimeRate() * 100) + "%");
        data.put("byIpType", rows(figures.byIpType(), code -> IpCaseApplication.IpType.valueOf(code).label));
        data.put("byChannel", rows(figures.byChannel(), IpStatistics::channelLabel));
        Map<String, String> outcomes = outcomeLabels();
        data.put("byOutcome", rows(figures.byOutcome(), code -> code + " " + outcomes.getOrDefault(code, "")));
        return data;
    }

    /** Closure code → its words, as the closure DMN {@code ip-closure-category} gives them for each channel outcome. */
    private Map<String, String> outcomeLabels() {
        Map<String, String> labels = new HashMap<>();
        for (String outcome : IpOutcomes.LABELS.keySet()) {
            DmnDecisionResultEntries result = decisions.evaluateDecisionByKey("ip-closure-category")
                    .variables(Map.of(CHANNEL_OUTCOME, outcome)).evaluate().getFirstResult();
            if (result != null) {
                labels.put((String) result.getEntry(OUTCOME_CODE), (String) result.getEntry(OUTCOME_LABEL));
            }
        }
        return labels;
    }

    private static List<Map<String, Object>> rows(Map<String, Long> counts, Function<String, String> label) {
        return counts.entrySet().stream().map(e -> Map.<String, Object>of("label", label.apply(e.getKey()),
                "count", e.getValue())).toList();
    }
}
