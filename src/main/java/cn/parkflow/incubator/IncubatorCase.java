package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseFile;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Case-record steps of the certification: public notice, and closing with an outcome the applicant
 * reads. Both follow the district decision (or end the case before it), so both stop the statutory
 * clock; stopping a stopped clock changes nothing.
 */
@Component
class IncubatorCase {

    static final String STATUS_PUBLIC_NOTICE = "PUBLIC_NOTICE";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final CaseFile caseFile;
    private final IncubatorClock clock;

    IncubatorCase(CaseFile caseFile, IncubatorClock clock) {
        this.caseFile = caseFile;
        this.clock = clock;
    }

    /** The notice runs until {@code noticeEndsAt}, the step's input. */
    void publishNotice(DelegateExecution execution) {
        Date endsAt = (Date) execution.getVariable(NOTICE_ENDS_AT);
        String number = execution.getProcessBusinessKey();
        clock.stop(execution);
        caseFile.changeStatus(number, STATUS_PUBLIC_NOTICE, CaseFile.SYSTEM);
        caseFile.record(number, CaseFile.SYSTEM, "PUBLIC_NOTICE_STARTED", "发布认定公示",
                "公示5个工作日，至 " + MINUTE.format(endsAt.toInstant().atZone(EngineClock.ZONE)));
    }

    void closeRejected(DelegateExecution execution) {
        String outcome = "Err_NotAccepted".equals(execution.getVariable(REJECTION_CODE)) ? "不予受理" : "不予认定";
        execution.setVariable(OUTCOME, outcome);
        clock.stop(execution);
        caseFile.close(execution.getProcessBusinessKey(), outcome + "：" + execution.getVariable(REASON),
                CaseFile.SYSTEM);
    }

    void closeCertified(DelegateExecution execution) {
        String outcome = "已认定：" + execution.getVariable(CERTIFICATE_NUMBER) + "，有效期至 "
                + execution.getVariable(CERTIFICATE_VALID_UNTIL);
        execution.setVariable(OUTCOME, outcome);
        caseFile.close(execution.getProcessBusinessKey(), outcome, CaseFile.SYSTEM);
    }

}
