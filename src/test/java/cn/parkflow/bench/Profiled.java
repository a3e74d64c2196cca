package cn.parkflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A JDK Flight Recorder recording (settings "profile", every socket read recorded) around one piece
 * of work, e.g. {@code --profile=20} walks 20 more Parkflow cases under it after the measured
 * repetitions. Read it with {@code jfr print}, JDK Mission Control or {@link HotSpots}.
 */
final class Profiled {

    private Profiled() {
    }

    /**
     * A recording that keeps socket reads instrumented while the profiled walks start and stop their
     * own (each first start rewrites the socket classes and deoptimises the code that inlined them);
     * nothing of it is kept.
     */
    static Recording instrumenting() {
        Recording recording = new Recording();
        recording.enable("jdk.SocketRead").withThreshold(Duration.ofDays(1));
        recording.setToDisk(false);
        recording.start();
        return recording;
    }

    static Path record(String name, Runnable work) {
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO).withStackTrace();
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            work.run();
            recording.stop();
            Path file = Path.of("target", "bench", name + ".jfr");
            Files.createDirectories(file.getParent());
            recording.dump(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
