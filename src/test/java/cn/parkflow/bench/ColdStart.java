package cn.parkflow.bench;

import cn.parkflow.ParkflowApplication;
import cn.parkflow.bench.plain.PlainCamundaApplication;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Cold start: a fresh JVM of the application (its main class, the classpath of the jar: the main
 * classes and the libraries the jar packs) until
 * Spring Boot logs "Started … (process running for N)", against the same for a plain Camunda
 * Spring Boot starter ({@link PlainCamundaApplication}); each on its own database of the same
 * PostgreSQL server, whose schema the first (unmeasured) start of each created. The figure is the
 * JVM's own "process running for" (JVM start to Started); the demo data's runners come after it.
 * The plain starter deploys nothing (Parkflow's models need its beans); Parkflow's deployment finds
 * its models already deployed (duplicate filtering), as at any restart.
 */
final class ColdStart {

    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    private final String parkflowUrl;
    private final String plainUrl;

    ColdStart(String parkflowUrl, String plainUrl) {
        this.parkflowUrl = parkflowUrl;
        this.plainUrl = plainUrl;
    }

    double parkflowSeconds() throws Exception {
        return start(List.of(), classpath("classes"), ParkflowApplication.class.getName(), parkflowUrl, List.of());
    }

    /** One more start of Parkflow, recorded by JDK Flight Recorder into {@code recording}. */
    double parkflowSecondsRecorded(Path recording) throws Exception {
        return start(List.of("-XX:FlightRecorderOptions:stackdepth=1024",
                        "-XX:StartFlightRecording=settings=profile,filename=" + recording.toAbsolutePath()),
                classpath("classes"), ParkflowApplication.class.getName(), parkflowUrl, List.of());
    }

    double plainSeconds() throws Exception {
        return start(List.of(), classpath("test-classes"), PlainCamundaApplication.class.getName(), plainUrl,
                List.of("--spring.config.name=bench-plain", "--spring.flyway.enabled=false", "--spring.liquibase.enabled=false",
                        "--camunda.bpm.auto-deployment-enabled=false"));
    }

    /**
     * The jar's classpath, unpacked, for both: exactly the libraries {@code target/parkflow.jar}
     * packs (not the tests' libraries), and one directory of classes: Parkflow's own
     * ({@code classes}) or the tests', which hold the plain starter ({@code test-classes}).
     */
    private static String classpath(String classesDirectory) throws IOException {
        Set<String> packed;
        try (ZipFile jar = new ZipFile(Path.of("target", "parkflow.jar").toFile())) {
            packed = jar.stream().map(ZipEntry::getName).filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .map(name -> name.substring("BOOT-INF/lib/".length())).collect(Collectors.toSet());
        }
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> Path.of(entry).getFileName().toString().equals(classesDirectory)
                        || packed.contains(Path.of(entry).getFileName().toString()))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Seconds from JVM start to "Started", as the JVM reports it; the process is stopped then. */
    private static double start(List<String> jvmOptions, String classpath, String mainClass, String url, List<String> extra)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass, "--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.datasource.driver-class-name=org.postgresql.Driver"));
        command.addAll(extra);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    return Double.parseDouble(started.group(2));
                }
            }
            throw new IllegalStateException(mainClass + " ended without starting (exit " + process.waitFor() + ")");
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
