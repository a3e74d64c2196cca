package cn.parkflow.incubator;

import static cn.parkflow.incubator.AnnualEvaluationProcess.*;

import cn.parkflow.calendar.EngineClock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Starts the yearly evaluation of every certified incubator (service step {@code ${startAnnualEvaluations}},
 * from the yearly timer of incubator-annual-evaluation-round). A certificate is evaluated once per year.
 */
@Component
class AnnualEvaluations {

    private final CertificateRegister register;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    AnnualEvaluations(CertificateRegister register, RuntimeService runtimeService, HistoryService historyService) {
        this.register = register;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    /** Evaluates last year's performance of each certificate in force today that was issued by then. */
    int startRound(DelegateExecution execution) {
        LocalDate today = EngineClock.today();
        int year = today.getYear() - 1;
        int started = 0;
        for (Certificate certificate : register.validOn(today)) {
            if (certificate.validFrom().getYear() <= year && start(certificate, year)) {
                started++;
            }
        }
        return started;
    }

    /** Starts the evaluation of {@code year} unless one exists already. */
    boolean start(Certificate certificate, int year) {
        boolean exists = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals(CERTIFICATE_NUMBER, certificate.number())
                .variableValueEquals(EVALUATION_YEAR, year).count() > 0;
        if (exists) {
            return false;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(CERTIFICATE_NUMBER, certificate.number());
        variables.put(EVALUATION_YEAR, year);
        variables.put(PREVIOUS_GRADE, register.grade(certificate.number(), year - 1).orElse(""));
        runtimeService.startProcessInstanceByKey(KEY, variables);
        return true;
    }
}
