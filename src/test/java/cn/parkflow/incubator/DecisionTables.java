package cn.parkflow.incubator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** Evaluates one decision of a DMN file in bpmn/dmn with the same DMN engine Camunda embeds. */
final class DecisionTables {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private DecisionTables() {
    }

    static DmnDecisionResult evaluate(String file, String decisionKey, Map<String, Object> variables) {
        try (InputStream in = Files.newInputStream(Path.of("bpmn/dmn", file))) {
            DmnDecision decision = ENGINE.parseDecision(decisionKey, in);
            return ENGINE.evaluateDecision(decision, variables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
