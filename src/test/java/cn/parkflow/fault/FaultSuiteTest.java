package cn.parkflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.incubator.ApplicationFixture;
import cn.parkflow.support.PostgresTestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite, each on the application in a JVM of its own under submit load.
 * <p>
 * Kill -9: the application is killed with SIGKILL while applicants keep
 * submitting and an officer asks for supplements (completes 形式审查 with 补正), then started again, {@code parkflow.fault.kills} times (default 2). Oracle, after each
 * restart: every submission acknowledged with 201 is exactly one case (carrying the applicant's
 * own incubator name, so a case number issued twice shows), with one certification instance waiting
 * at a task and its statutory clock waiting at its deadline timer; every acknowledged completion
 * stays done (the task gone, the case waiting for its supplement); no incident, no job left without retries, no executable job left over once
 * the job executor has caught up.
 * <p>
 * PostgreSQL stopped and started under load: meanwhile every request answers 503 in Chinese within
 * a bound (the pool's connection timeout), never 500 or a hang; afterwards submissions succeed
 * again by themselves, and the same oracle holds.
 * <p>
 * Run alone: {@code mvn test -Dtest=FaultSuiteTest}.
 */
@Tag("fault")
class FaultSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KILLS = Integer.getInteger("parkflow.fault.kills", 2);
    /** Jobs a killed node had locked wait for their lock to expire; shortened here to keep the suite short. */
    private static final String LOCK_TIME = "--camunda.bpm.job-execution.lock-time-in-millis=15000";
    /** As in application-prod.yaml, shortened: a statement on a frozen connection gives up after 10 s. */
    private static final String SOCKET_TIMEOUT = "--spring.datasource.hikari.data-source-properties.socketTimeout=10";
    private static final AtomicInteger SERIAL = new AtomicInteger();
    /** Case numbers acknowledged to two different submissions: a number given out again after a crash. */
    private static final Queue<String> ISSUED_TWICE = new ConcurrentLinkedQueue<>();

    @TempDir
    Path directory;

    @Test
    void shouldKeepEveryAcknowledgedSubmissionOnPostgreSqlThroughKillNine() throws Exception {
        String url = PostgresTestServer.shared().createDatabase("fault_" + System.nanoTime());
        Outcome outcome = crashRepeatedly("postgresql", List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.datasource.driver-class-name=org.postgresql.Driver"));
        outcome.assertWhole();
    }

    /**
     * The default profile exactly as shipped: H2 under ./data of the working directory. To see what
     * the URL guards against, run with {@code -Dparkflow.fault.h2-url=jdbc:h2:file:./data/parkflow;WRITE_DELAY=500}.
     */
    @Test
    void shouldKeepEveryAcknowledgedSubmissionOnTheDefaultProfilesH2ThroughKillNine() throws Exception {
        String url = System.getProperty("parkflow.fault.h2-url");
        Outcome outcome = crashRepeatedly("h2", url == null ? List.of() : List.of("--spring.datasource.url=" + url));
        outcome.assertWhole();
    }

    @Test
    void shouldAnswer503InChineseWhilePostgreSqlIsDownAndRecoverByItself() throws Exception {
        PostgresTestServer server = PostgresTestServer.shared();
        String url = server.createDatabase("outage_" + System.nanoTime());
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Outcome outcome = new Outcome("postgresql stopped and started", acknowledged);
        ApplicationProcess application = ApplicationProcess.start(directory, "outage", List.of(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--spring.datasource.driver-class-name=org.postgresql.Driver", LOCK_TIME));
        boolean stopped = false;
        try {
            Client client = new Client(application.port());
            Load load = new Load(client, acknowledged);
            load.start(2);
            load.awaitAcknowledged(5, Duration.ofSeconds(90));

            server.stopServer();
            stopped = true;
            for (String[] call : new String[][] {{"/api/incubators/applications", "applicant1"},
                    {"/engine-rest/process-definition/key/incubator-certification/submit-form", "applicant1"},
                    {"/api/incubators/applications", "applicant2"}}) {
                long started = System.nanoTime();
                HttpResponse<String> answer = client.post(call[0], call[1], "{\"variables\":{}}");
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(answer.statusCode()).as(call[0] + ": " + answer.body()).isEqualTo(503);
                assertThat(answer.body()).contains("数据库暂时不可用");
                assertThat(millis).as("answered within the pool's timeout, not hung").isLessThan(20_000);
            }
            server.startServer();
            stopped = false;

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int before = acknowledged.size();
            while (acknowledged.size() == before) {
                assertThat(System.nanoTime()).as("submissions succeed again by themselves").isLessThan(deadline);
                Thread.sleep(200);
            }
            load.stop();
            System.out.printf("[fault] postgresql stopped and started: answers other than 201 %s, e.g. %s%n",
                    load.others, load.samples);
            assertThat(load.others.keySet()).as("only 503 while the database was away, never 500").isSubsetOf(503);
            outcome.check(client, 1);
            application.stop();
        } finally {
            application.kill();
            if (stopped) {
                server.startServer();
            }
        }
        outcome.assertWhole();
    }

    @Test
    void shouldAnswerWithinABoundWhileTheDatabaseIsFrozenAndRecover() throws Exception {
        PostgresTestServer server = PostgresTestServer.shared();
        String url = server.createDatabase("frozen_" + System.nanoTime());
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Outcome outcome = new Outcome("postgresql frozen and thawed", acknowledged);
        ApplicationProcess application = ApplicationProcess.start(directory, "frozen", List.of(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--spring.datasource.driver-class-name=org.postgresql.Driver",
                SOCKET_TIMEOUT, LOCK_TIME));
        boolean frozen = false;
        try {
            Client client = new Client(application.port());
            Load load = new Load(client, acknowledged);
            load.start(2);
            load.awaitAcknowledged(5, Duration.ofSeconds(90));

            server.freeze();
            frozen = true;
            for (int i = 0; i < 2; i++) {
                long started = System.nanoTime();
                HttpResponse<String> answer = client.post("/api/incubators/applications", "applicant2", "{}");
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
                assertThat(answer.body()).contains("数据库暂时不可用");
                assertThat(millis).as("answered within the bound (socket timeout 10 s), not hung").isLessThan(25_000);
            }
            server.thaw();
            frozen = false;

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int before = acknowledged.size();
            while (acknowledged.size() == before) {
                assertThat(System.nanoTime()).as("the pool recovers by itself").isLessThan(deadline);
                Thread.sleep(200);
            }
            load.stop();
            System.out.printf("[fault] postgresql frozen: answers other than 201 %s, e.g. %s%n", load.others, load.samples);
            assertThat(load.others.keySet()).as("only 503 while the database was frozen, never 500").isSubsetOf(503);
            outcome.check(client, 1);
            application.stop();
        } finally {
            application.kill();
            if (frozen) {
                server.thaw();
            }
        }
        outcome.assertWhole();
    }

    private Outcome crashRepeatedly(String database, List<String> arguments) throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, String> completed = new ConcurrentHashMap<>();
        Outcome outcome = new Outcome(database, acknowledged);
        outcome.completed = completed;
        arguments = new ArrayList<>(arguments);
        arguments.add(LOCK_TIME);
        for (int round = 0; round <= KILLS; round++) {
            long started = System.nanoTime();
            ApplicationProcess application = ApplicationProcess.start(directory, database + "-" + round, arguments);
            try {
                long startMillis = (System.nanoTime() - started) / 1_000_000;
                Client client = new Client(application.port());
                outcome.check(client, round);
                if (round == KILLS) {
                    application.stop();
                    break;
                }
                Load load = new Load(client, acknowledged, completed);
                int completedBefore = completed.size();
                load.start(2);
                load.awaitAcknowledged(8 + round * 3, Duration.ofSeconds(90));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (round > 0 && completed.size() == completedBefore) {
                    // the cases of earlier rounds have their clocks by now: the officer can work them
                    assertThat(System.nanoTime()).as("the officer completed a task").isLessThan(deadline);
                    Thread.sleep(100);
                }
                application.kill();
                load.stop();
                System.out.printf("[fault] %s round %d: started in %d ms, %d acknowledged, %d completions so far (%s)%n",
                        database, round, startMillis, acknowledged.size(), completed.size(), load.others);
            } finally {
                application.kill();
            }
        }
        return outcome;
    }

    /** Applicants submitting as fast as the server answers; remembers each 201 and the name it carried. */
    private static final class Load {

        private final Client client;
        private final Map<String, String> acknowledged;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger thisRound = new AtomicInteger();
        private final Map<Integer, Integer> others = new ConcurrentHashMap<>();
        private final Map<Integer, String> samples = new ConcurrentHashMap<>();
        private final Queue<String> issuedTwice = ISSUED_TWICE;
        private final List<Thread> threads = new ArrayList<>();
        private volatile CountDownLatch enough = new CountDownLatch(1);
        private int target;

        private final Map<String, String> completed;

        Load(Client client, Map<String, String> acknowledged) {
            this(client, acknowledged, null);
        }

        /** With {@code completed}: an officer completes tasks too, each acknowledged completion kept there. */
        Load(Client client, Map<String, String> acknowledged, Map<String, String> completed) {
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
                            issuedTwice.add(number + " acknowledged to " + earlier + " and again to " + name);
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
                }
            }
        }
    }

    /** What the acknowledged submissions look like after each restart. */
    private static final class Outcome {

        private final String database;
        private final Map<String, String> acknowledged;
        private final List<String> problems = new ArrayList<>();
        private int lastPresent;
        private Map<String, String> completed = Map.of();

        Outcome(String database, Map<String, String> acknowledged) {
            this.database = database;
            this.acknowledged = acknowledged;
        }

        void check(Client client, int round) throws Exception {
            if (acknowledged.isEmpty()) {
                return;
            }
            client.awaitJobsDone(Duration.ofSeconds(90));
            Map<String, String> titles = new HashMap<>();
            for (int page = 0; ; page++) {
                JsonNode cases = client.get("/api/cases?type=INC&size=200&page=" + page, "admin");
                cases.forEach(c -> {
                    if (titles.put(c.path("number").asText(), c.path("title").asText()) != null) {
                        problems.add("round " + round + ": case number listed twice: " + c.path("number").asText());
                    }
                });
                if (cases.size() < 200) {
                    break;
                }
            }
            Map<String, Long> instances = client.businessKeys("incubator-certification");
            Map<String, Long> clocks = client.businessKeys("statutory-clock");
            Map<String, Long> waitingAtTask = client.waiting("/engine-rest/task?processDefinitionKey=incubator-certification",
                    "incubator-certification");
            Map<String, Long> waitingAtTimer = client.waiting("/engine-rest/job?timers=true&processDefinitionKey=statutory-clock",
                    "statutory-clock");
            int present = 0;
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                String number = ack.getKey();
                String title = titles.get(number);
                if (title == null) {
                    problems.add("round " + round + ": acknowledged " + number + " is gone");
                    continue;
                }
                if (!title.endsWith(ack.getValue())) {
                    problems.add("round " + round + ": " + number + " now belongs to another application: " + title);
                    continue;
                }
                present++;
                if (instances.getOrDefault(number, 0L) != 1) {
                    problems.add("round " + round + ": " + number + " has " + instances.getOrDefault(number, 0L) + " instances");
                }
                if (clocks.getOrDefault(number, 0L) != 1) {
                    problems.add("round " + round + ": " + number + " has " + clocks.getOrDefault(number, 0L) + " statutory clocks");
                }
                if (waitingAtTask.getOrDefault(number, 0L) < 1) {
                    problems.add("round " + round + ": " + number + " waits at no task");
                }
                if (waitingAtTimer.getOrDefault(number, 0L) != 1) {
                    problems.add("round " + round + ": the clock of " + number + " has "
                            + waitingAtTimer.getOrDefault(number, 0L) + " deadline timers");
                }
            }
            for (Map.Entry<String, String> done : completed.entrySet()) {
                if (!client.get("/engine-rest/task?taskId=" + done.getValue(), "admin").isEmpty()) {
                    problems.add("round " + round + ": the acknowledged 形式审查 of " + done.getKey() + " is open again");
                }
                if (client.get("/engine-rest/task?taskDefinitionKey=Task_SupplementApplication&processInstanceBusinessKey="
                        + done.getKey(), "admin").isEmpty()) {
                    problems.add("round " + round + ": " + done.getKey() + " does not wait for its supplement");
                }
            }
            long incidents = client.get("/engine-rest/incident/count", "admin").path("count").asLong();
            long dead = client.get("/engine-rest/job/count?noRetriesLeft=true", "admin").path("count").asLong();
            if (incidents + dead > 0) {
                problems.add("round " + round + ": " + incidents + " incidents, " + dead + " jobs without retries");
            }
            lastPresent = present;
            System.out.printf("[fault] %s, check after start %d: %d acknowledged, %d present as acknowledged, "
                    + "%d completions acknowledged and kept%n", database, round, acknowledged.size(), present, completed.size());
        }

        void assertWhole() {
            System.out.printf("[fault] %s: %d acknowledged, %d present%n", database, acknowledged.size(), lastPresent);
            assertThat(acknowledged).as("the load was acknowledged at all").isNotEmpty();
            assertThat(ISSUED_TWICE).as(database + ": case numbers issued twice").isEmpty();
            assertThat(problems).as(database + ": after kill -9").isEmpty();
            assertThat(lastPresent).isEqualTo(acknowledged.size());
        }
    }

    /** HTTP as the demo users (password = user id); every call bounded. */
    private static final class Client {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;

        Client(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        HttpResponse<String> post(String path, String user, String json) throws IOException {
            return send(request(path, user).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
        }

        /** The eight required documents and the submission of 上传申报材料, as applicant1; the first answer that is not a success. */
        int submitDocuments(String number) throws IOException {
            for (String kind : List.of("APPLICATION_FORM", "TORCH_STATISTICS", "OPERATOR_LICENCE", "SITE_PROOF",
                    "INCUBATEE_LIST", "FUND_PROOF", "MANAGEMENT_RULES", "INTEGRITY_PLEDGE")) {
                String boundary = "----fault" + System.nanoTime();
                String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n--"
                        + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + kind
                        + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n\r\n--" + boundary + "--\r\n";
                int status = send(request("/api/cases/" + number + "/documents", "applicant1")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))).statusCode();
                if (status != 201) {
                    return status;
                }
            }
            return post("/api/incubators/applications/" + number + "/submission", "applicant1", "").statusCode();
        }

        JsonNode get(String path, String user) throws IOException {
            HttpResponse<String> answer = send(request(path, user).GET());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return JSON.readTree(answer.body());
        }

        Map<String, Long> businessKeys(String processKey) throws IOException {
            JsonNode list = get("/engine-rest/process-instance?processDefinitionKey=" + processKey
                    + "&maxResults=100000", "admin");
            List<String> keys = new ArrayList<>();
            list.forEach(instance -> keys.add(instance.path("businessKey").asText()));
            return keys.stream().collect(Collectors.groupingBy(key -> key, Collectors.counting()));
        }

        /** Per business key, how many of the listed tasks or jobs (each names its instance) wait in its instance. */
        Map<String, Long> waiting(String path, String processKey) throws IOException {
            Map<String, String> keys = new HashMap<>();
            get("/engine-rest/process-instance?processDefinitionKey=" + processKey + "&maxResults=100000", "admin")
                    .forEach(instance -> keys.put(instance.path("id").asText(), instance.path("businessKey").asText()));
            List<String> found = new ArrayList<>();
            get(path + "&maxResults=100000", "admin").forEach(waiting -> {
                String key = keys.get(waiting.path("processInstanceId").asText());
                if (key != null) {
                    found.add(key);
                }
            });
            return found.stream().collect(Collectors.groupingBy(key -> key, Collectors.counting()));
        }

        /** Bounded: the job executor catches up on what the crash left (e.g. the clocks' async starts). */
        void awaitJobsDone(Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (get("/engine-rest/job/count?executable=true", "admin").path("count").asLong() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("executable jobs still waiting after " + timeout);
                }
                Thread.sleep(500);
            }
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        private HttpRequest.Builder request(String path, String user) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
