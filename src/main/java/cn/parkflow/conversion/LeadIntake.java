package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.form.FormLabels;
import cn.parkflow.form.SubmissionRefused;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.Validator;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Process start listener: every lead (REST or Tasklist start form) passes here. It checks the lead
 * with the REST API's rules, refuses an institution that is not a transfer office or not the
 * registrant's own, opens the case ({@code CONV-2026-0001}) and makes its number the business key,
 * involves the transfer office in the case (its officers read it, kernel {@code CaseAccess}), and
 * sets the figures later steps and the graduation decision read.
 */
@Component("conversionLeadIntake")
class LeadIntake implements ExecutionListener {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    static final String STEP = "成果转化线索登记";

    private final CaseFile caseFile;
    private final Validator validator;
    private final ConversionProperties properties;
    private final DepartmentDirectory departments;

    LeadIntake(CaseFile caseFile, Validator validator, ConversionProperties properties, DepartmentDirectory departments) {
        this.caseFile = caseFile;
        this.validator = validator;
        this.properties = properties;
        this.departments = departments;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ConversionLead lead = read(execution);
        String applicant = (String) execution.getVariable(APPLICANT);
        String institution = (String) execution.getVariable(INSTITUTION);
        checkInstitution(execution, applicant, institution);
        String institutionName = departments == null ? institution
                : departments.find(institution).map(Department::name).orElse(institution);
        String number = caseFile.open(new NewCase(CASE_TYPE, "成果转化项目：" + lead.projectTitle(), applicant,
                institutionName, "stc"), applicant == null ? CaseFile.SYSTEM : applicant).number();
        // the whole transfer office reads its institution's projects, not only the registrant
        caseFile.involve(number, institution);
        execution.setProcessBusinessKey(number);
        execution.setVariable(CASE_NUMBER, number);
        execution.setVariable(INSTITUTION_NAME, institutionName);
        // read by assignments and the decisions before anyone has filled them in (demo cases started
        // further on bring their own)
        setDefault(execution, TECHNOLOGY_MANAGER, null);
        setDefault(execution, DISTRICT_LIAISON, null);
        setDefault(execution, MANAGER_DEPARTMENT, "stc");
        setDefault(execution, STATUS_COLOUR, GREEN);
        setDefault(execution, "highTechEnterprise", false);
        setDefault(execution, "financingTotal", 0.0);
        setDefault(execution, "revenue", 0.0);
        setDefault(execution, "headcount", 0);
        execution.setVariable(CONCEPT_VERIFICATION_DAYS, properties.conceptVerificationWorkingDays());
    }

    private static void setDefault(DelegateExecution execution, String name, Object value) {
        if (!execution.hasVariable(name)) {
            execution.setVariable(name, value);
        }
    }

    private void checkInstitution(DelegateExecution execution, String applicant, String institution) {
        if (institution == null || !properties.institutions().contains(institution)) {
            throw new SubmissionRefused(STEP, List.of("所属高校技术转移机构：应为" + String.join("、", properties.institutions())));
        }
        boolean member = applicant == null || execution.getProcessEngineServices().getIdentityService()
                .createGroupQuery().groupMember(applicant).groupId(institution).count() > 0;
        if (!member) {
            throw new SubmissionRefused(STEP, List.of("所属高校技术转移机构：只能以本人所在的技术转移机构登记线索"));
        }
    }

    private ConversionLead read(DelegateExecution execution) {
        ConversionLead lead;
        try {
            lead = JSON.convertValue(execution.getVariables(), ConversionLead.class);
        } catch (IllegalArgumentException e) {
            throw new SubmissionRefused(STEP, List.of("登记内容格式不正确"));
        }
        String errors = validator.validate(lead).stream()
                .map(v -> FormLabels.describe("conversion-lead-registration", v))
                .sorted()
                .collect(Collectors.joining("；"));
        if (!errors.isEmpty()) {
            throw new SubmissionRefused(STEP, List.of(errors));
        }
        return lead;
    }
}
