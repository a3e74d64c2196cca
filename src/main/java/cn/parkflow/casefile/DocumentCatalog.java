package cn.parkflow.casefile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The document kinds every process declared ({@link DocumentKinds}), by case type. A case type
 * declared twice, a kind code used twice, or a required kind never declared stops the start.
 */
@Component
class DocumentCatalog {

    private final Map<String, Map<String, String>> labelsByCaseType = new HashMap<>();
    private final Map<String, Set<String>> confidentialByCaseType = new HashMap<>();
    private final Map<String, Set<String>> stepsWithoutConfidentialByCaseType = new HashMap<>();

    DocumentCatalog(List<DocumentKinds> declarations) {
        for (DocumentKinds declaration : declarations) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (DocumentKind kind : declaration.kinds()) {
                if (labels.put(kind.code(), kind.label()) != null) {
                    throw new IllegalStateException("Document kind " + kind.code() + " declared twice in " + declaration);
                }
            }
            for (RequiredDocuments required : declaration.requiredAtSteps()) {
                if (!labels.keySet().containsAll(required.kinds())) {
                    throw new IllegalStateException("Step " + required.stepId() + " requires undeclared kinds "
                            + required.kinds() + "; declared: " + labels.keySet());
                }
            }
            if (!labels.keySet().containsAll(declaration.confidentialKinds())) {
                throw new IllegalStateException("Confidential kinds " + declaration.confidentialKinds()
                        + " are not all declared; declared: " + labels.keySet());
            }
            for (String caseType : declaration.caseTypes()) {
                confidentialByCaseType.put(caseType, Set.copyOf(declaration.confidentialKinds()));
                stepsWithoutConfidentialByCaseType.put(caseType, Set.copyOf(declaration.stepsWithoutConfidentialAccess()));
                if (labelsByCaseType.put(caseType, labels) != null) {
                    throw new IllegalStateException("Document kinds of case type " + caseType + " declared twice");
                }
            }
        }
    }

    /** The kinds of a case type, code → label in declared order; empty when it carries no documents. */
    Map<String, String> kinds(String caseType) {
        return labelsByCaseType.getOrDefault(caseType, Map.of());
    }

    boolean confidential(String caseType, String code) {
        return confidentialByCaseType.getOrDefault(caseType, Set.of()).contains(code);
    }

    /** {@link DocumentKinds#stepsWithoutConfidentialAccess()} of the case type. */
    Set<String> stepsWithoutConfidentialAccess(String caseType) {
        return stepsWithoutConfidentialByCaseType.getOrDefault(caseType, Set.of());
    }

    Optional<String> label(String caseType, String code) {
        return Optional.ofNullable(kinds(caseType).get(code));
    }

    /** "kind：…" naming the field and the kinds it accepts. */
    String refusal(String caseType) {
        Map<String, String> kinds = kinds(caseType);
        if (kinds.isEmpty()) {
            return "kind：此类案件不收取材料";
        }
        return "kind：材料类别应为 " + kinds.entrySet().stream().map(k -> k.getKey() + "（" + k.getValue() + "）")
                .collect(Collectors.joining("、"));
    }
}
