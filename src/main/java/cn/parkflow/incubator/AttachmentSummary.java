package cn.parkflow.incubator;

import cn.parkflow.casefile.CaseDocumentAdded;
import cn.parkflow.casefile.CaseDocuments;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Shows an application's attachments, and those still missing, in the officer's formal-check form
 * (variable {@code attachmentSummary}), after every upload, in the upload's transaction.
 */
@Component
class AttachmentSummary {

    private final CaseDocuments documents;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    AttachmentSummary(CaseDocuments documents, RuntimeService runtimeService, IdentityService identityService) {
        this.documents = documents;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /**
     * The uploader's right to the case is checked already; the variable is written as the system
     * because applicants hold no engine grant to change variables.
     */
    @EventListener
    void update(CaseDocumentAdded added) {
        if (!IncubatorCertificationProcess.CASE_TYPE.equals(added.caseType())) {
            return;
        }
        String caseNumber = added.caseNumber();
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .processDefinitionKey(IncubatorCertificationProcess.KEY).active().singleResult();
            if (instance != null) {
                runtimeService.setVariable(instance.getId(), IncubatorCertificationProcess.ATTACHMENT_SUMMARY, summary(caseNumber));
            }
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    private String summary(String caseNumber) {
        String present = documents.list(caseNumber).stream().map(d -> d.kindLabel() + "：" + d.fileName())
                .collect(Collectors.joining("\n"));
        String missing = documents.missingKinds(caseNumber, AttachmentKind.required()).stream()
                .map(kind -> AttachmentKind.valueOf(kind).label()).collect(Collectors.joining("、"));
        return present + (missing.isEmpty() ? "" : "\n尚缺：" + missing);
    }
}
