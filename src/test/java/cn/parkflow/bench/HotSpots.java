package cn.parkflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hot spots of a recording made by {@link Profiled}: CPU samples per thread; on the walking
 * thread ({@code main}) the top methods by own samples, the Parkflow methods by samples that pass
 * through them, and the database round trips (socket reads) by the innermost Parkflow method that
 * caused them ("engine" when none did).
 * {@code java -cp target/test-classes:target/classes:… cn.parkflow.bench.HotSpots target/bench/s1-parkflow.jfr}
 */
public final class HotSpots {

    private HotSpots() {
    }

    public static void main(String[] args) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        // optional: the methods (of this package prefix) the walking thread's samples pass through
        String prefix = args.length > 2 ? args[2] : null;
        Map<String, Integer> prefixed = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> through = new HashMap<>();
        Map<String, Integer> component = new HashMap<>();
        Map<String, Integer> reads = new HashMap<>();
        Map<String, Long> readNanos = new HashMap<>();
        Map<String, Integer> engineReads = new HashMap<>();
        int mainSamples = 0;
        int mainReads = 0;
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            RecordedThread sampled = type.equals("jdk.ExecutionSample") ? event.getThread("sampledThread") : event.getThread();
            String thread = sampled == null ? "?" : sampled.getJavaName();
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null) {
                continue;
            }
            if (type.equals("jdk.ExecutionSample")) {
                threads.merge(thread, 1, Integer::sum);
                if (!thread.equals("main")) {
                    continue;
                }
                mainSamples++;
                self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : stack.getFrames()) {
                    String name = name(frame);
                    if (kernel(name) && seen.add(name)) {
                        through.merge(name, 1, Integer::sum);
                    }
                    if (prefix != null && name.startsWith(prefix) && seen.add(name)) {
                        prefixed.merge(name, 1, Integer::sum);
                    }
                }
                component.merge(innermostKernel(stack), 1, Integer::sum);
            } else if (type.equals("jdk.SocketRead") && thread.equals("main")) {
                mainReads++;
                String owner = innermostKernel(stack);
                reads.merge(owner, 1, Integer::sum);
                readNanos.merge(owner, event.getDuration().toNanos(), Long::sum);
                engineReads.merge(engineCaller(stack), 1, Integer::sum);
            }
        }
        System.out.println("CPU samples per thread (all):");
        print(threads, top, threads.values().stream().mapToInt(Integer::intValue).sum());
        System.out.printf("%nmain thread, %d CPU samples: top methods by own samples%n", mainSamples);
        print(self, top, mainSamples);
        System.out.printf("%nmain thread: Parkflow methods by samples passing through them%n");
        print(through, top, mainSamples);
        if (prefix != null) {
            System.out.printf("%nmain thread: %s methods by samples passing through them%n", prefix);
            print(prefixed, top, mainSamples);
        }
        System.out.printf("%nmain thread: CPU samples by innermost Parkflow method (engine = none on the stack)%n");
        print(component, top, mainSamples);
        System.out.printf("%nmain thread, %d database round trips (socket reads): by innermost Parkflow method%n", mainReads);
        int totalReads = mainReads;
        reads.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> System.out.printf("%6d  %5.1f%%  %8.1f ms  %s%n", entry.getValue(),
                        100.0 * entry.getValue() / totalReads, readNanos.get(entry.getKey()) / 1e6, entry.getKey()));
        System.out.printf("%nmain thread, %d database round trips: by the engine code that made them (first frames above "
                + "the persistence layer), compare with the bare engine's recording%n", mainReads);
        print(engineReads, 3 * top, mainReads);
    }

    /** The first three engine frames above MyBatis and the engine's persistence session: which engine work read. */
    private static String engineCaller(RecordedStackTrace stack) {
        StringBuilder chain = new StringBuilder();
        int taken = 0;
        for (RecordedFrame frame : stack.getFrames()) {
            String name = name(frame);
            if (!name.startsWith("org.camunda.") && !name.startsWith("cn.parkflow.")
                    || name.startsWith("org.camunda.bpm.engine.impl.db.")
                    || name.startsWith("org.camunda.bpm.engine.impl.persistence.AbstractManager")) {
                continue;
            }
            chain.append(taken == 0 ? "" : " < ").append(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1));
            if (++taken == 3) {
                break;
            }
        }
        return taken == 0 ? "?" : chain.toString();
    }

    private static String innermostKernel(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String name = name(frame);
            if (kernel(name)) {
                return name;
            }
        }
        return "engine";
    }

    private static boolean kernel(String name) {
        // the caller policy, the identity-change watch and the conflict retry wrap every engine command: what runs inside it is the engine's unless
        // another Parkflow frame is nearer
        return name.startsWith("cn.parkflow.") && !name.startsWith("cn.parkflow.bench.")
                && !name.startsWith("cn.parkflow.security.CallerCommandPolicy")
                && !name.startsWith("cn.parkflow.engine.ConflictRetry")
                && !name.startsWith("cn.parkflow.security.IdentityChanges");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(Map<String, Integer> counts, int top, int total) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> System.out.printf("%6d  %5.1f%%  %s%n", entry.getValue(), 100.0 * entry.getValue() / total,
                        entry.getKey()));
    }
}
