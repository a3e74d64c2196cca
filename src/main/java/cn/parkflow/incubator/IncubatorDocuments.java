package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;

import cn.parkflow.casefile.DocumentKind;
import cn.parkflow.casefile.DocumentKinds;
import cn.parkflow.casefile.RequiredDocuments;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The incubator's declaration of its case documents ({@link AttachmentKind}): the formal check
 * cannot find an application complete while one of its required attachments is missing.
 */
@Component
class IncubatorDocuments implements DocumentKinds {

    @Override
    public Set<String> caseTypes() {
        return Set.of(CASE_TYPE);
    }

    @Override
    public List<DocumentKind> kinds() {
        return Arrays.stream(AttachmentKind.values()).map(AttachmentKind::asDocumentKind).toList();
    }

    @Override
    public List<RequiredDocuments> requiredAtSteps() {
        return List.of(new RequiredDocuments(KEY, TASK_FORMAL_CHECK, FORMAL_CHECK_RESULT, FORMAL_CHECK_COMPLETE,
                AttachmentKind.required()));
    }
}
