package cn.parkflow.form;

import cn.parkflow.casefile.CaseDocuments;
import cn.parkflow.casefile.DocumentKind;
import cn.parkflow.casefile.DocumentKinds;
import cn.parkflow.casefile.RequiredDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The documents a step requires ({@link DocumentKinds#requiredAtSteps()}): a task whose submission
 * means "complete" is refused while the case lacks one of them, naming the missing kinds.
 */
@Component
public class RequiredDocumentChecks {

    private final List<DocumentKinds> declarations;
    private final CaseDocuments documents;

    public RequiredDocumentChecks(List<DocumentKinds> declarations, CaseDocuments documents) {
        this.declarations = declarations;
        this.documents = documents;
    }

    /**
     * "尚缺材料：申报书、…" when the submission of {@code stepId} needs documents the case lacks (all of
     * them when there is no case: a step that requires documents is refused rather than let through).
     */
    List<String> violations(String processKey, String stepId, String caseNumber, Map<String, Object> values) {
        return violations(processKey, stepId, caseNumber, values, null);
    }

    /** As above; {@code stepOpened}: when the task opened, for kinds that count only when uploaded in the step. */
    List<String> violations(String processKey, String stepId, String caseNumber, Map<String, Object> values,
                            Instant stepOpened) {
        List<String> problems = new ArrayList<>();
        for (DocumentKinds declaration : declarations) {
            for (RequiredDocuments required : declaration.requiredAtSteps()) {
                if (required.appliesTo(processKey, stepId, values)) {
                    boolean thisRound = required.uploadedInStep() && stepOpened != null;
                    List<String> missing = thisRound
                            ? documents.missingKindsSince(caseNumber, required.kinds(), stepOpened)
                            : documents.missingKinds(caseNumber, required.kinds());
                    if (!missing.isEmpty()) {
                        problems.add("尚缺材料：" + labels(declaration, missing) + (thisRound ? "（须在本次补正要求之后上传）" : ""));
                    }
                }
            }
        }
        return problems;
    }

    private static String labels(DocumentKinds declaration, List<String> codes) {
        Map<String, String> labels = declaration.kinds().stream()
                .collect(Collectors.toMap(DocumentKind::code, DocumentKind::label));
        return codes.stream().map(labels::get).collect(Collectors.joining("、"));
    }
}
