package cn.parkflow.ipcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One case per rule of the IP case's decision tables, evaluated by the DMN engine Camunda embeds. */
class IpDecisionTablesTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @ParameterizedTest(name = "{3}: {0} + {1}, court {2} → {4}")
    @CsvSource({
            "TRADEMARK,        CONSULTATION, true,  Consultation,                 CONSULTATION",
            "COPYRIGHT,        MEDIATION,    false, Mediation,                    MEDIATION",
            "COPYRIGHT,        MEDIATION,    true,  MediationInCourt,             LITIGATION",
            "TRADE_SECRET,     ENFORCEMENT,  false, Enforcement,                  ENFORCEMENT",
            "PLANT_VARIETY,    ENFORCEMENT,  false, EnforcementElsewhere,         CONSULTATION",
            "UTILITY_MODEL,    ADJUDICATION, false, Adjudication,                 ADJUDICATION",
            "DESIGN_PATENT,    ADJUDICATION, true,  AdjudicationInCourt,          LITIGATION",
            "TRADEMARK,        ADJUDICATION, false, AdjudicationNotPatent,        MEDIATION",
            "TRADEMARK,        ADJUDICATION, true,  AdjudicationNotPatentInCourt, LITIGATION",
            "GEO_INDICATION,   CRIMINAL,     false, Criminal,                     CRIMINAL",
            "IC_LAYOUT,        LITIGATION,   false, Litigation,                   LITIGATION"})
    void shouldTriageEachRuleToItsChannel(String ipType, String service, boolean court, String rule, String channel) {
        DmnDecisionResult result = evaluate("ip-triage-channel", Map.of("ipType", ipType, "serviceRequested", service,
                "courtAccepted", court));

        assertThat(result).hasSize(1);
        assertThat((String) result.getSingleEntry()).isEqualTo(channel);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"TRADEMARK, amr", "TRADE_SECRET, amr", "INVENTION_PATENT, amr", "GEO_INDICATION, amr", "COPYRIGHT, culture"})
    void shouldRouteEnforcementToTheDepartmentForTheRight(String ipType, String department) {
        assertThat((String) evaluate("ip-enforcement-department", Map.of("ipType", ipType)).getSingleEntry())
                .isEqualTo(department);
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({"NOT_ACCEPTED, N01, NOT_ACCEPTED", "CONSULTATION_ANSWERED, C01, ADVISED", "MEDIATION_AGREEMENT, M01, RESOLVED",
            "MEDIATION_REFUSED, M02, NOT_RESOLVED", "MEDIATION_FAILED, M03, NOT_RESOLVED", "MEDIATION_ENDED_BY_COURT, M04, REFERRED",
            "ENFORCEMENT_PENALTY, E01, ENFORCED", "ENFORCEMENT_NO_PENALTY, E02, NOT_SUPPORTED", "ENFORCEMENT_NOT_OPENED, E03, NOT_SUPPORTED",
            "ADJUDICATION_RULING, A01, RESOLVED", "ADJUDICATION_MEDIATED, A02, RESOLVED", "ADJUDICATION_NOT_ACCEPTED, A03, NOT_SUPPORTED",
            "ADJUDICATION_UNAVAILABLE, A04, REFERRED", "CRIMINAL_ACCEPTED, P01, REFERRED", "CRIMINAL_RETURNED, P02, NOT_SUPPORTED",
            "LITIGATION_SETTLED, L01, RESOLVED", "LITIGATION_FILED, L02, REFERRED"})
    void shouldClassifyEachOutcomeForClosure(String outcome, String code, String category) {
        DmnDecisionResult result = evaluate("ip-closure-category", Map.of("channelOutcome", outcome));

        assertThat((String) result.getSingleResult().getEntry("outcomeCode")).isEqualTo(code);
        assertThat((String) result.getSingleResult().getEntry("outcomeCategory")).isEqualTo(category);
        assertThat(IpOutcomes.LABELS).containsEntry(outcome, result.getSingleResult().getEntry("outcomeLabel"));
    }

    private static DmnDecisionResult evaluate(String decision, Map<String, Object> variables) {
        try (InputStream in = Files.newInputStream(Path.of("bpmn/dmn", decision + ".dmn"))) {
            return DMN.evaluateDecision(DMN.parseDecision(decision, in), variables);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
