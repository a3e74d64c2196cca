package cn.parkflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What the acknowledged submissions look like after each restart. */
final class Outcome {

    private final String database;
    private final Map<String, String> acknowledged;
    private final List<String> problems = new ArrayList<>();
    private int lastPresent;
    /** Acknowledged cases found waiting for a job's retry instead of at their task. */
    private final Set<String> retried = new TreeSet<>();
    Map<String, String> completed = Map.of();

    Outcome(String database, Map<String, String> acknowledged) {
        this.database = database;
        this.acknowledged = acknowledged;
    }

    void check(FaultClient client, int round) throws Exception {
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
        // a step whose job failed while the database was away runs again at its next retry (the
        // models' R3/PT5M): that case is not stuck, but it waits at the job, not yet at its task
        Map<String, Long> retrying = client.waiting("/engine-rest/job?messages=true&withRetriesLeft=true"
                + "&processDefinitionKey=incubator-certification", "incubator-certification");
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
            if (retrying.getOrDefault(number, 0L) > 0 && waitingAtTask.getOrDefault(number, 0L) == 0) {
                retried.add(number);
                continue;
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
        System.out.printf("[fault] %s: %d acknowledged, %d present, waiting for a job's retry: %s%n", database,
                acknowledged.size(), lastPresent, retried);
        assertThat(acknowledged).as("the load was acknowledged at all").isNotEmpty();
        assertThat(SubmitLoad.ISSUED_TWICE).as(database + ": case numbers issued twice").isEmpty();
        assertThat(problems).as(database + ": after kill -9").isEmpty();
        assertThat(lastPresent).isEqualTo(acknowledged.size());
    }
}
