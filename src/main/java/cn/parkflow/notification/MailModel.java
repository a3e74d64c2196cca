package cn.parkflow.notification;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns what a process knows (case number, task id, variables) into the strings a template shows:
 * the case read through its number, dates in Shanghai time, and the link to the task or case.
 */
@Component
class MailModel {

    static final String NO_DEADLINE = "未设定";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final CaseFile cases;
    private final DepartmentDirectory departments;
    private final String baseUrl;

    MailModel(CaseFile cases, DepartmentDirectory departments, NotificationProperties properties) {
        this.cases = cases;
        this.departments = departments;
        this.baseUrl = properties.baseUrl();
    }

    Map<String, String> complete(Map<String, ?> model) {
        Map<String, String> values = new HashMap<>();
        model.forEach((key, value) -> {
            if (value != null) {
                values.put(key, format(value));
            }
        });
        String caseNumber = values.get(Notifications.CASE_NUMBER);
        if (caseNumber != null) {
            cases.find(caseNumber).ifPresent(record -> addCase(values, record));
        }
        values.putIfAbsent(Notifications.DEADLINE, values.getOrDefault("caseDeadline", NO_DEADLINE));
        values.putIfAbsent("link", link(values.get(Notifications.TASK_ID), caseNumber));
        return values;
    }

    String taskLink(String taskId) {
        return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    /**
     * The download of a case document through the case page (whoever may read the case may download
     * it), with the webapps' login: a browser opens it without a password box.
     */
    String documentLink(String caseNumber, long documentId) {
        return caseLink(caseNumber) + "/documents/" + documentId;
    }

    /** The case page of 我的案件 ({@code /portal/}), never the JSON of our API. */
    String caseLink(String caseNumber) {
        return baseUrl + "/portal/cases/" + caseNumber;
    }

    String departmentName(String code) {
        return departments.find(code).map(Department::name).orElse(code);
    }

    private String link(String taskId, String caseNumber) {
        if (taskId != null) {
            return taskLink(taskId);
        }
        return caseNumber != null ? caseLink(caseNumber) : baseUrl + "/camunda/app/tasklist/";
    }

    private void addCase(Map<String, String> values, CaseRecord record) {
        values.putIfAbsent("caseTitle", record.title());
        values.putIfAbsent("applicant", record.applicantName());
        values.putIfAbsent("departmentName", departmentName(record.department()));
        if (record.outcome() != null) {
            values.putIfAbsent("outcome", record.outcome());
        }
        CaseRecord.Deadline deadline = record.deadline();
        if (deadline != null && deadline.current() != null) {
            values.put("caseDeadline", format(deadline.current()) + (deadline.provisional() ? "（暂定）" : ""));
        }
    }

    static String format(Object value) {
        if (value instanceof Date date) {
            return DATE_TIME.format(date.toInstant().atZone(EngineClock.ZONE));
        }
        if (value instanceof Instant instant) {
            return DATE_TIME.format(instant.atZone(EngineClock.ZONE));
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            return (value instanceof LocalDate ? DATE : DATE_TIME).format((TemporalAccessor) value);
        }
        if (value instanceof TemporalAccessor temporal && temporal.isSupported(ChronoField.INSTANT_SECONDS)) {
            return DATE_TIME.format(Instant.from(temporal).atZone(EngineClock.ZONE));
        }
        if (value instanceof Boolean flag) {
            return flag ? "是" : "否";
        }
        return value.toString();
    }
}
