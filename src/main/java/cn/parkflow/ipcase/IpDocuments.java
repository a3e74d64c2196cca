package cn.parkflow.ipcase;

import cn.parkflow.casefile.DocumentKind;
import cn.parkflow.casefile.DocumentKinds;
import cn.parkflow.casefile.RequiredDocuments;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The documents an IP case carries (uploaded through the kernel's {@code /api/cases/{number}/documents}).
 * Evidence marked trade secret is confidential: only the departments working the channel and
 * supervision see it (and whoever uploaded it), not the workstation around the channel.
 */
@Component
class IpDocuments implements DocumentKinds {

    static final String TRADE_SECRET_EVIDENCE = "TRADE_SECRET_EVIDENCE";
    static final String RIGHT_CERTIFICATE = "RIGHT_CERTIFICATE";

    @Override
    public Set<String> caseTypes() {
        return Set.of(IpProtectionCaseProcess.CASE_TYPE);
    }

    @Override
    public List<DocumentKind> kinds() {
        return List.of(new DocumentKind(RIGHT_CERTIFICATE, "权利证明（证书、登记、授权文件）"),
                new DocumentKind("IDENTITY", "主体资格证明"),
                new DocumentKind("EVIDENCE", "侵权证据"),
                new DocumentKind(TRADE_SECRET_EVIDENCE, "侵权证据（涉及商业秘密，仅限承办部门）"),
                new DocumentKind("AGREEMENT", "调解协议"),
                new DocumentKind("DECISION", "决定书、裁决书"));
    }

    /** The workstation accepts a case only with a proof of the right (DOMAIN.md §4: right number and status). */
    @Override
    public List<RequiredDocuments> requiredAtSteps() {
        return List.of(new RequiredDocuments(IpProtectionCaseProcess.KEY, IpProtectionCaseProcess.TASK_DECIDE_ACCEPTANCE,
                IpProtectionCaseProcess.ACCEPTANCE_DECISION, "ACCEPT", List.of(RIGHT_CERTIFICATE)));
    }

    @Override
    public Set<String> confidentialKinds() {
        return Set.of(TRADE_SECRET_EVIDENCE);
    }

    /**
     * Trade-secret evidence is for the departments working the channel (and supervision): the
     * workstation does not see it while it registers, accepts, triages or closes the case; it does
     * while it gives a consultation opinion, which is a channel.
     */
    @Override
    public Set<String> stepsWithoutConfidentialAccess() {
        return Set.of(IpProtectionCaseProcess.TASK_REGISTER_INTAKE, IpProtectionCaseProcess.TASK_DECIDE_ACCEPTANCE,
                IpProtectionCaseProcess.TASK_TRIAGE, IpProtectionCaseProcess.TASK_CLOSE);
    }
}
