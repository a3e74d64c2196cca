package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseQuery;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.document.DocumentData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * What the incubator's documents ({@code documents/incubator-*.html}) show beyond the step's variables:
 * the certificate as the register keeps it (track label, area, validity, revocation reason), and for
 * the public notice every incubator currently in public notice.
 */
@Component
class IncubatorDocumentData implements DocumentData {

    static final String PUBLIC_NOTICE = "incubator-public-notice";
    private static final List<String> NOTICE_VARIABLES = List.of("incubatorName", "operatorName", REQUESTED_TRACK);

    private final CertificateRegister register;
    private final CaseFile caseFile;
    private final RuntimeService runtimeService;

    IncubatorDocumentData(CertificateRegister register, CaseFile caseFile, RuntimeService runtimeService) {
        this.register = register;
        this.caseFile = caseFile;
        this.runtimeService = runtimeService;
    }

    @Override
    public boolean covers(String templateId) {
        return templateId.startsWith("incubator-");
    }

    @Override
    public Map<String, ?> dataFor(String templateId, String caseNumber, Map<String, Object> variables) {
        Map<String, Object> data = new HashMap<>();
        Object track = variables.getOrDefault(CERTIFIED_TRACK, variables.get(REQUESTED_TRACK));
        if (track != null) {
            data.put("trackLabel", Track.labelOf(track.toString()));
        }
        Object number = variables.get(CERTIFICATE_NUMBER);
        if (number != null) {
            register.find(number.toString()).ifPresent(certificate -> addCertificate(data, certificate));
        }
        data.put("fraud", Boolean.TRUE.equals(variables.get("fraudConfirmed")));
        if (PUBLIC_NOTICE.equals(templateId)) {
            data.put("proposed", proposed(caseNumber, variables));
        }
        return data;
    }

    private static void addCertificate(Map<String, Object> data, Certificate certificate) {
        data.put("trackLabel", certificate.trackLabel());
        data.put("incubatorName", certificate.incubatorName());
        data.put("operatorName", certificate.operatorName());
        data.put("creditCode", certificate.creditCode());
        data.put("address", certificate.address());
        data.put("area", certificate.area());
        data.put("validFrom", certificate.validFrom());
        data.put("validUntil", certificate.validUntil());
        if (certificate.revocationReason() != null) {
            // the register keeps "…，撤销认定" (the decision itself); the document states the finding only
            data.put("revocationReason", certificate.revocationReason().replaceFirst("(，撤销认定)?。?$", ""));
        }
    }

    /** The incubators in public notice now, this case's from its own step (its variables are not yet stored). */
    private List<Map<String, Object>> proposed(String caseNumber, Map<String, Object> variables) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CaseRecord record : caseFile.search(new CaseQuery(CASE_TYPE, IncubatorCase.STATUS_PUBLIC_NOTICE, null,
                null, 0, 200))) {
            if (record.number().equals(caseNumber)) {
                continue;
            }
            ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(record.number(), KEY).singleResult();
            if (instance != null) {
                rows.add(row(runtimeService.getVariables(instance.getId(), NOTICE_VARIABLES)));
            }
        }
        rows.add(row(variables));
        rows.sort((a, b) -> String.valueOf(a.get("incubatorName")).compareTo(String.valueOf(b.get("incubatorName"))));
        return rows;
    }

    private static Map<String, Object> row(Map<String, Object> variables) {
        Object track = variables.get(REQUESTED_TRACK);
        Map<String, Object> row = new HashMap<>();
        row.put("incubatorName", variables.get("incubatorName"));
        row.put("operatorName", variables.get("operatorName"));
        row.put("trackLabel", track == null ? "" : Track.labelOf(track.toString()));
        return row;
    }

}
