package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.support.Http;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The benchmark's S2 (README "Performance"): one incubator certification case from the applicant's
 * start to the closed case, over HTTP as the real users, as {@link IncubatorEndToEndTest} walks it:
 * the applicant starts it, uploads the required documents and submits; stc's officer checks it
 * formally and confirms eligibility; five experts declare and score; 大零号湾's officer inspects the
 * site; supervision decides; the notice period's five working days pass (its timer job is run at
 * once, as a test brings the clock forward), and the walk ends when the case is closed. Each task is found, claimed and submitted as Tasklist does,
 * through {@code /engine-rest} with Basic auth; the job executor and the mail relay of the running
 * application do the rest.
 */
public final class IncubatorCaseWalk {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.UTF_8);
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final Http http;
    private final CaseFile caseFile;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final long timeoutMillis;

    public IncubatorCaseWalk(int port, CaseFile caseFile, RuntimeService runtime, ManagementService management,
                             long timeoutMillis) {
        this.http = new Http(port);
        this.caseFile = caseFile;
        this.runtime = runtime;
        this.management = management;
        this.timeoutMillis = timeoutMillis;
    }

    /** Walks one case to its end; returns its case number. */
    public String walk() throws Exception {
        Map<String, Object> application = new HashMap<>(ApplicationFixture.qualifying("91310112MB%07d".formatted(
                SERIAL.incrementAndGet() * 1000 + (int) (System.nanoTime() % 1000))));
        HttpResponse<String> submitted = http.postJson("/api/incubators/applications", "applicant1",
                JSON.writeValueAsString(application));
        expect(submitted, 201, "start");
        String number = JSON.readTree(submitted.body()).path("caseNumber").asText();
        for (String kind : AttachmentKind.required()) {
            expect(http.postFile("/api/incubators/applications/" + number + "/attachments", "applicant1", "kind", kind,
                    kind + ".pdf", "application/pdf", PDF), 201, "upload " + kind);
        }
        expect(http.postJson("/api/incubators/applications/" + number + "/submission", "applicant1", ""), 200, "submit");
        complete("stc-officer", number, TASK_FORMAL_CHECK, Map.of("formalCheckResult", "COMPLETE"));
        complete("stc-officer", number, TASK_CONFIRM_ELIGIBILITY, Map.of("eligibilityDecision", "ELIGIBLE"));
        for (int i = 1; i <= 5; i++) {
            String expert = "expert" + i;
            complete(expert, number, TASK_DECLARE_CONFLICT, Map.of("conflictDeclaration", "NO_CONFLICT"));
            complete(expert, number, TASK_SCORE, Map.of("scoreCapability", 85, "scoreEffectiveness", 80,
                    "scoreSustainability", 78, "scoreInnovation", 82, "expertComment", "孵化服务体系完善，成效显著。"));
        }
        complete("zerobay-officer", number, "Task_InspectSite", Map.of("inspectionDate", "2026-03-20",
                "verifiedArea", 11900, "verifiedIncubateeCount", 60, "siteInspectionResult", "CONFIRMED"));
        complete("supervisor", number, "Task_DecideCertification", Map.of("certificationDecision", "APPROVE"));
        taskOf(number, "Task_ReceiveObjections", "stc-officer");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        Job noticeEnd = management.createJobQuery().processInstanceId(instance).activityId(NOTICE_PERIOD_ENDED).singleResult();
        management.executeJob(noticeEnd.getId());
        await("case " + number + " closed", () -> caseFile.get(number).isClosed());
        return number;
    }

    private void complete(String user, String number, String taskKey, Map<String, Object> values) throws Exception {
        String task = taskOf(number, taskKey, user);
        expect(http.postJson("/engine-rest/task/" + task + "/claim", user, "{\"userId\":\"" + user + "\"}"), 204,
                "claim " + taskKey);
        Map<String, Object> variables = new HashMap<>();
        values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
        expect(http.postJson("/engine-rest/task/" + task + "/submit-form", user,
                JSON.writeValueAsString(Map.of("variables", variables))), 204, taskKey + " by " + user);
    }

    /** The first unassigned or own task of this kind the user sees, once the job executor has got there. */
    private String taskOf(String number, String taskKey, String user) throws InterruptedException {
        String[] id = new String[1];
        await(taskKey + " for " + user, () -> (id[0] = http.openTask(number, taskKey, user)) != null);
        return id[0];
    }

    /** Polls every 50 ms: the walk waits for the job executor as a user waits for the next task. */
    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S2: not within " + timeoutMillis + " ms: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("S2 " + what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }
}
