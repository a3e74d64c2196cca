package cn.parkflow.casefile;

import cn.parkflow.department.DepartmentDirectory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The case record API for processes: open, change status, assign department, close, and the
 * audit trail. Every change writes an audit event in the same transaction.
 *
 * <p>Only the changes of several statements open (or join) a transaction of their own. A read, an
 * audit event or an involvement is one statement, and the task listeners call them inside the
 * engine's transaction on every step: through a transactional proxy each call cost the walk of
 * Spring's transaction interceptor (README "Performance", S1).
 */
@Service
public class CaseFile {

    public static final String STATUS_OPEN = "OPEN";
    public static final String STATUS_CLOSED = "CLOSED";
    /** The actor of what no person did: timers, service steps, the server's own bookkeeping. */
    public static final String SYSTEM = "system";
    private static final int OUTCOME_LENGTH = 200;
    private static final int AUDIT_OUTCOME_LENGTH = 500;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int REMEMBERED_APPLICANTS = 10_000;

    private final CaseRepository cases;
    private final CaseNumberAllocator numbers;
    private final DepartmentDirectory departments;
    private final Validator validator;
    private final Clock clock;
    /**
     * The applicant of each case seen, as its task cards name it, remembered across transactions: the
     * kernel's listeners ask for it, or only whether the case exists, at every step. A case once
     * opened stays, and its applicant does not change while it has steps (retention anonymises only
     * cases closed for years). Bounded; only cases found are remembered.
     */
    private final Map<String, String> applicants = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_APPLICANTS;
        }
    });

    CaseFile(CaseRepository cases, CaseNumberAllocator numbers, DepartmentDirectory departments,
             Validator validator, Optional<Clock> clock) {
        this.cases = cases;
        this.numbers = numbers;
        this.departments = departments;
        this.validator = validator;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Opens a case and returns it with its new number, e.g. {@code INC-2026-0001}. */
    @Transactional
    public CaseRecord open(NewCase newCase, String actor) {
        // validated here, not by a @Validated proxy: that would intercept every call of the task
        // listeners too (find, involve, record), resolving and running the validator each time
        Set<ConstraintViolation<NewCase>> violations = validator.validate(newCase);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        requireDepartment(newCase.department());
        Instant now = clock.instant();
        String number = numbers.next(newCase.type(), now.atZone(SHANGHAI).getYear());
        cases.insert(number, newCase, now, STATUS_OPEN);
        cases.appendEvent(number, new CaseEvent(now, actor, "OPENED", null, newCase.title()));
        cases.involve(number, newCase.department(), now);
        return get(number);
    }

    @Transactional
    public void changeStatus(String number, String status, String actor) {
        update(number, "status = ?", status);
        record(number, actor, "STATUS_CHANGED", null, status);
    }

    @Transactional
    public void assignDepartment(String number, String department, String actor) {
        requireDepartment(department);
        update(number, "department = ?", department);
        record(number, actor, "DEPARTMENT_ASSIGNED", null, department);
        cases.involve(number, department, clock.instant());
    }

    /**
     * Records that a department holds a step of the case (a task routed to it), so that it may read
     * the case from then on, also after the step ({@link CaseAccess}). Groups that are no department
     * (experts, supervision) are ignored: their access has its own rule.
     */
    public void involve(String number, String department) {
        if (departments.find(department).isPresent()) {
            requireExists(number);
            cases.involve(number, department, clock.instant());
        }
    }

    /**
     * 抄送: a read-only copy of the case to a person (user id) or a department (code), who may read the
     * case from then on ({@link CaseAccess}); audited. A second copy to the same recipient adds nothing.
     */
    @Transactional
    public void copyTo(String number, String recipient, String actor, String note) {
        get(number);
        if (cases.copy(number, recipient, actor, note, clock.instant())) {
            record(number, actor, "COPIED", null, "抄送 " + recipient + (note == null || note.isBlank() ? "" : "：" + note));
        }
    }

    /** Who received a copy of the case: user ids and department codes. */
    public Set<String> copiedTo(String number) {
        return cases.copiedTo(number);
    }

    /** 抄送我的: the cases copied to any of these recipients (a user id and their groups), newest first. */
    public List<CaseRecord> copiesFor(Set<String> recipients) {
        return recipients.isEmpty() ? List.of() : cases.copiesFor(recipients);
    }

    /** The departments that hold or held a step of the case, its responsible department included. */
    public Set<String> involvedDepartments(String number) {
        return cases.involved(number);
    }

    /** Closes the case; an outcome longer than the record keeps (200 characters) is cut with "…". */
    @Transactional
    public void close(String number, String outcome, String actor) {
        Instant now = clock.instant();
        update(number, "status = ?, closed_at = ?, outcome = ?", STATUS_CLOSED, CaseRepository.at(now),
                cut(outcome, OUTCOME_LENGTH));
        record(number, actor, "CLOSED", null, outcome);
    }

    /**
     * Records the statutory deadline as the calendar kernel computed it, with an audit event
     * saying what changed it (started, paused, resumed, extended).
     */
    @Transactional
    public void updateDeadline(String number, CaseRecord.Deadline deadline, String actor, String action,
                               String detail) {
        update(number, "deadline_original = ?, deadline_paused_days = ?, deadline_current = ?, "
                        + "deadline_provisional = ?",
                CaseRepository.at(deadline.original()), deadline.pausedDays(),
                CaseRepository.at(deadline.current()), deadline.provisional());
        record(number, actor, action, null, detail);
    }

    /**
     * Flags the case overdue: its statutory deadline passed before the decision. The flag stays
     * (an overdue case remains one); a second call only adds nothing.
     */
    @Transactional
    public void flagDeadlineExpired(String number, String actor, String detail) {
        if (get(number).deadline().isExpired()) {
            return;
        }
        update(number, "deadline_expired_at = ?", CaseRepository.at(clock.instant()));
        record(number, actor, "DEADLINE_EXPIRED", null, detail);
    }

    /** Appends one audit event: who did what in which task, with which outcome (cut to 500 characters with "…"). */
    public void record(String number, String actor, String action, String task, String outcome) {
        requireExists(number);
        cases.appendEvent(number, new CaseEvent(clock.instant(), actor, action, task, cut(outcome, AUDIT_OUTCOME_LENGTH)));
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    public Optional<CaseRecord> find(String number) {
        return cases.find(number);
    }

    /** Whether the case exists; a yes is remembered (see {@link #applicantName}). */
    public boolean exists(String number) {
        return applicantName(number).isPresent();
    }

    /** The applying organisation, else the applicant's user id; empty when there is no such case. */
    public Optional<String> applicantName(String number) {
        String known = applicants.get(number);
        if (known == null) {
            known = cases.find(number).map(record -> Objects.requireNonNullElse(record.applicantName(), "")).orElse(null);
            if (known != null) {
                remember(number, known);
            }
        }
        return Optional.ofNullable(known);
    }

    /** Once the transaction that read it commits: a case opened in a transaction that rolls back never existed. */
    private void remember(String number, String applicant) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            applicants.put(number, applicant);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                applicants.put(number, applicant);
            }
        });
    }

    private void requireExists(String number) {
        if (!exists(number)) {
            throw new CaseNotFoundException(number);
        }
    }

    public CaseRecord get(String number) {
        return cases.find(number).orElseThrow(() -> new CaseNotFoundException(number));
    }

    public List<CaseEvent> events(String number) {
        return cases.events(number);
    }

    public List<CaseRecord> search(CaseQuery query) {
        return cases.search(query);
    }

    private void update(String number, String setClause, Object... values) {
        if (!cases.update(number, setClause, values)) {
            throw new CaseNotFoundException(number);
        }
    }

    private void requireDepartment(String code) {
        if (!departments.exists(code)) {
            throw new IllegalArgumentException("未知的部门代码: " + code);
        }
    }
}
