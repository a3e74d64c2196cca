package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;

import cn.parkflow.casefile.DocumentKind;
import cn.parkflow.casefile.DocumentKinds;
import cn.parkflow.casefile.RequiredDocuments;
import cn.parkflow.casefile.StepDocuments;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The incubator's declaration of its case documents ({@link AttachmentKind}): the applicant's
 * 上传申报材料 step cannot end, nor the formal check find an application complete, while one of its
 * required attachments is missing; the 补正 step needs a 补正材料 and offers every kind.
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
        return List.of(RequiredDocuments.always(KEY, TASK_UPLOAD_DOCUMENTS, AttachmentKind.required()),
                new RequiredDocuments(KEY, TASK_FORMAL_CHECK, FORMAL_CHECK_RESULT, FORMAL_CHECK_COMPLETE,
                        AttachmentKind.required()),
                RequiredDocuments.uploadedInStep(KEY, TASK_SUPPLEMENT, List.of(AttachmentKind.SUPPLEMENT.name())));
    }

    @Override
    public List<StepDocuments> uploadsAtSteps() {
        return List.of(new StepDocuments(KEY, TASK_UPLOAD_DOCUMENTS, AttachmentKind.required()),
                new StepDocuments(KEY, TASK_SUPPLEMENT, kinds().stream().map(DocumentKind::code).toList()));
    }
}
