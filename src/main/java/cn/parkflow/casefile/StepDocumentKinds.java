package cn.parkflow.casefile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The kinds each step offers for upload ({@link DocumentKinds#uploadsAtSteps()}), with their labels. */
@Component
class StepDocumentKinds {

    private final List<DocumentKinds> declarations;
    private final DocumentCatalog catalog;

    StepDocumentKinds(List<DocumentKinds> declarations, DocumentCatalog catalog) {
        this.declarations = declarations;
        this.catalog = catalog;
    }

    /** Code → label of the kinds {@code stepId} of {@code processKey} offers; empty when it offers none. */
    Map<String, String> uploadable(String caseType, String processKey, String stepId) {
        Map<String, String> offered = new LinkedHashMap<>();
        declarations.stream().filter(declaration -> declaration.caseTypes().contains(caseType))
                .flatMap(declaration -> declaration.uploadsAtSteps().stream())
                .filter(step -> step.processKey().equals(processKey) && step.stepId().equals(stepId))
                .flatMap(step -> step.kinds().stream())
                .forEach(code -> catalog.label(caseType, code).ifPresent(label -> offered.put(code, label)));
        return offered;
    }

    /** The kinds {@code stepId} needs uploaded while its task is open ({@link RequiredDocuments#uploadedInStep()}), e.g. 补正材料. */
    Set<String> uploadedInStep(String caseType, String processKey, String stepId) {
        return declarations.stream().filter(declaration -> declaration.caseTypes().contains(caseType))
                .flatMap(declaration -> declaration.requiredAtSteps().stream())
                .filter(required -> required.uploadedInStep() && required.processKey().equals(processKey)
                        && required.stepId().equals(stepId))
                .flatMap(required -> required.kinds().stream()).collect(Collectors.toSet());
    }
}
