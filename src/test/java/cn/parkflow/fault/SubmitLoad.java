package cn.parkflow.fault;

import cn.parkflow.incubator.ApplicationFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Applicants submitting as fast as the server answers; remembers each 201 and the name it carried. */
final class SubmitLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SERIAL = new AtomicInteger();
    /** Case numbers acknowledged to two different submissions: a number given out again after a crash. */
    static final Queue<String> ISSUED_TWICE = new ConcurrentLinkedQueue<>();

    private final FaultClient client;
    private final Map<String, String> acknowledged;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger thisRound = new AtomicInteger();
    final Map<Integer, Integer> others = new ConcurrentHashMap<>();
    final Map<Integer, String> samples = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile CountDownLatch enough = new CountDownLatch(1);
    private int target;

    private final Map<String, String> completed;

    SubmitLoad(FaultClient client, Map<String, String> acknowledged) {
        this(client, acknowledged, null);
    }

    /** With {@code completed}: an officer completes tasks too, each acknowledged completion kept there. */
    SubmitLoad(FaultClient client, Map<String, String> acknowledged, Map<String, String> completed) {
        this.client = client;
        this.acknowledged = acknowledged;
        this.completed = completed;
    }

    void start(int applicants) {
        for (int i = 0; i < applicants; i++) {
            Thread thread = new Thread(this::submitUntilStopped, "applicant-" + i);
            thread.start();
            threads.add(thread);
        }
        if (completed != null) {
            Thread officer = new Thread(this::completeUntilStopped, "officer");
            officer.start();
            threads.add(officer);
        }
    }

    /** Beside the applicants, an officer asks for a supplement (补正) on cases whose clock runs. */
    private void completeUntilStopped() {
        List<String> numbers = new ArrayList<>();
        while (running.get()) {
            try {
                numbers.clear();
                numbers.addAll(acknowledged.keySet());
                numbers.removeAll(completed.keySet());
                if (numbers.isEmpty()) {
                    Thread.sleep(100);
                    continue;
                }
                String number = numbers.get(ThreadLocalRandom.current().nextInt(numbers.size()));
                JsonNode clock = client.get("/engine-rest/process-instance/count?processDefinitionKey=statutory-clock"
                        + "&businessKey=" + number, "admin");
                JsonNode task = client.get("/engine-rest/task?taskDefinitionKey=Task_CheckApplicationFormally"
                        + "&processInstanceBusinessKey=" + number, "stc-officer");
                if (clock.path("count").asLong() == 0 || task.isEmpty()) {
                    Thread.sleep(100);
                    continue;
                }
                String id = task.get(0).path("id").asText();
                HttpResponse<String> answer = client.post("/engine-rest/task/" + id + "/submit-form", "stc-officer",
                        "{\"variables\":{\"formalCheckResult\":{\"value\":\"INCOMPLETE\"},"
                                + "\"formalCheckOpinion\":{\"value\":\"请补充上年度火炬统计报表\"}}}");
                if (answer.statusCode() == 204) {
                    completed.put(number, id);
                } else {
                    others.merge(answer.statusCode(), 1, Integer::sum);
                    samples.putIfAbsent(answer.statusCode(), answer.body());
                }
            } catch (IOException | IllegalStateException killed) {
                others.merge(0, 1, Integer::sum);
                samples.putIfAbsent(0, "officer: " + killed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        target = count;
        if (thisRound.get() < count) {
            enough.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }

    private void submitUntilStopped() {
        while (running.get()) {
            int serial = SERIAL.incrementAndGet();
            String name = "故障测试孵化器" + serial;
            Map<String, Object> application = new HashMap<>(ApplicationFixture.qualifying("91310112MA1GE0000"));
            application.put("incubatorName", name);
            application.put("creditCode", ApplicationFixture.creditCode("9131011200%07d".formatted(serial)));
            try {
                HttpResponse<String> answer = client.post("/api/incubators/applications", "applicant1",
                        JSON.writeValueAsString(application));
                if (answer.statusCode() == 201) {
                    String number = JSON.readTree(answer.body()).path("caseNumber").asText();
                    // the application counts once its documents are in (上传申报材料 completed): then its clock runs
                    int submitted = client.submitDocuments(number);
                    if (submitted != 200) {
                        others.merge(submitted, 1, Integer::sum);
                        continue;
                    }
                    String earlier = acknowledged.put(number, name);
                    if (earlier != null) {
                        ISSUED_TWICE.add(number + " acknowledged to " + earlier + " and again to " + name);
                    }
                    if (thisRound.incrementAndGet() >= target && target > 0) {
                        enough.countDown();
                    }
                } else {
                    others.merge(answer.statusCode(), 1, Integer::sum);
                    samples.putIfAbsent(answer.statusCode(), answer.body());
                }
            } catch (IOException killed) {
                // the process is gone: this submission was never acknowledged
                others.merge(0, 1, Integer::sum);
                samples.putIfAbsent(0, "applicant: " + killed);
            }
        }
    }
}
