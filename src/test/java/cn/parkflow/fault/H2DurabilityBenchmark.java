package cn.parkflow.fault;

import cn.parkflow.incubator.ApplicationFixture;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What durable commits cost the default profile's H2: the submit walk ({@code POST
 * /api/incubators/applications}: validation, case number, case, process start up to 形式审查, its
 * async clock start) timed one after another on the application in its own JVM, with
 * {@code WRITE_DELAY=0} (as shipped) and with H2's default {@code WRITE_DELAY=500}, each on a fresh
 * database, alternating runs so drift hits both. Run after {@code mvn test-compile} and
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) cn.parkflow.fault.H2DurabilityBenchmark [submissions]}.
 */
public final class H2DurabilityBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URL = "jdbc:h2:file:./data/parkflow;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=";
    private static int serial;

    private H2DurabilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int submissions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        for (int run = 0; run < 2; run++) {
            for (int delay : new int[] {0, 500}) {
                Path directory = Files.createTempDirectory("h2-durability");
                ApplicationProcess application = ApplicationProcess.start(directory, "bench",
                        List.of("--spring.datasource.url=" + URL + delay));
                try {
                    walk(application.port(), 20);
                    double millis = walk(application.port(), submissions);
                    System.out.printf("WRITE_DELAY=%d run %d: %.1f ms per submission (%d submissions)%n",
                            delay, run + 1, millis, submissions);
                } finally {
                    application.stop();
                }
            }
        }
        System.exit(0);
    }

    private static double walk(int port, int count) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Map<String, Object> application = new HashMap<>(ApplicationFixture.qualifying("91310112MA1GF0000"));
            application.put("creditCode", ApplicationFixture.creditCode("9131011201%07d".formatted(++serial)));
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/incubators/applications"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "applicant1:applicant1".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(application))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException(answer.statusCode() + " " + answer.body());
            }
        }
        return (System.nanoTime() - started) / 1e6 / count;
    }
}
