package cn.parkflow.notification;

import cn.parkflow.ParkflowApplication;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.engine.EveryUserTaskListener;
import cn.parkflow.engine.EveryUserTaskListenerPlugin;
import java.lang.reflect.Field;
import cn.parkflow.support.PostgresTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the outbox adds to the transaction that creates a task, on the running application: an
 * instance started up to a user task routed to {@code stc}, with the global task listener on (it
 * resolves the mailbox, reads the case, renders the mail and inserts the outbox row) and off (the
 * benchmark empties the plugin's listener list by reflection), alternating in blocks; and one
 * {@code enqueue} alone inside a transaction. Relay and job executor are off.
 * Argument {@code pg} (default) or {@code h2}; run like {@link NotificationRelayBenchmark}.
 */
public final class TaskOutboxOverheadBenchmark {

    private static final int WARM_UP = 300;
    private static final int ROUNDS = 1000;

    private TaskOutboxOverheadBenchmark() {
    }

    public static void main(String[] args) {
        boolean postgres = args.length == 0 || args[0].equals("pg");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
                "--parkflow.notification.relay.enabled=false", "--camunda.bpm.job-execution.enabled=false"));
        if (postgres) {
            arguments.addAll(List.of("--spring.datasource.url=" + PostgresTestServer.shared().jdbcUrl(),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--spring.datasource.driver-class-name=org.postgresql.Driver"));
        } else {
            arguments.add("--spring.datasource.url=jdbc:h2:mem:outbox-overhead;DB_CLOSE_ON_EXIT=FALSE");
        }
        try (ConfigurableApplicationContext context = SpringApplication.run(ParkflowApplication.class,
                arguments.toArray(String[]::new))) {
            run(context, postgres ? "PostgreSQL 17" : "H2 (in memory)");
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, String database) {
        RepositoryService repository = context.getBean(RepositoryService.class);
        RuntimeService runtime = context.getBean(RuntimeService.class);
        repository.createDeployment().addModelInstance("benchRouted.bpmn", Bpmn.createExecutableProcess("benchRouted")
                .camundaHistoryTimeToLive(1).startEvent().userTask().name("形式审查").camundaCandidateGroups("stc")
                .endEvent().done()).deploy();
        String number = context.getBean(CaseFile.class)
                .open(new NewCase("INC", "基准测试案件", "applicant1", "闵行创新孵化器", "stc"), "benchmark").number();
        runtime.startProcessInstanceByKey("benchRouted", number);
        Listeners listeners = new Listeners(context.getBean(EveryUserTaskListenerPlugin.class));

        measure(runtime, listeners, number, WARM_UP);
        long[] nanos = measure(runtime, listeners, number, ROUNDS);
        double withMail = nanos[0] / 1e6 / ROUNDS;
        double withoutMail = nanos[1] / 1e6 / ROUNDS;
        double listener = listeners.timedNanos / 1e6 / listeners.timedCalls;
        double enqueue = enqueueAlone(context, number);
        System.out.printf("%s: start → user task routed to stc: %.2f ms with the task mail in the outbox, %.2f ms "
                + "without; outbox overhead %.2f ms (%.0f%%)%n", database, withMail, withoutMail,
                withMail - withoutMail, 100 * (withMail - withoutMail) / withoutMail);
        System.out.printf("%s: of which inside the task listener (resolve, read case, render, insert): %.2f ms%n",
                database, listener);
        System.out.printf("%s: Notifications.enqueue alone inside a transaction (resolve, read case, render, insert): "
                + "%.2f ms%n", database, enqueue);
    }

    /** Alternates blocks with and without the listener so drift (e.g. growing tables) hits both alike. */
    private static long[] measure(RuntimeService runtime, Listeners listeners, String number, int rounds) {
        long[] nanos = new long[2];
        int block = 50;
        for (int i = 0; i < rounds; i++) {
            int variant = (i / block) % 2;
            listeners.enabled(variant == 0);
            long started = System.nanoTime();
            runtime.startProcessInstanceByKey("benchRouted", number);
            nanos[variant] += System.nanoTime() - started;
        }
        listeners.enabled(true);
        return new long[] {nanos[0] * 2, nanos[1] * 2};
    }

    /** Switches the plugin's resolved listeners between the real ones and none. */
    private static final class Listeners {

        private final EveryUserTaskListenerPlugin plugin;
        private final Field field;
        private final List<EveryUserTaskListener> real;
        private long timedNanos;
        private int timedCalls;

        /** Call after the first task event: the plugin resolves its listeners then. */
        Listeners(EveryUserTaskListenerPlugin plugin) {
            try {
                this.plugin = plugin;
                this.field = EveryUserTaskListenerPlugin.class.getDeclaredField("resolved");
                field.setAccessible(true);
                @SuppressWarnings("unchecked")
                List<EveryUserTaskListener> resolved = (List<EveryUserTaskListener>) field.get(plugin);
                if (resolved == null || resolved.isEmpty()) {
                    throw new IllegalStateException("the task listeners are not resolved yet");
                }
                this.real = resolved.stream().map(this::timed).toList();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private EveryUserTaskListener timed(EveryUserTaskListener listener) {
            return new EveryUserTaskListener() {
                @Override
                public Set<String> events() {
                    return listener.events();
                }

                @Override
                public void notify(DelegateTask task) {
                    long started = System.nanoTime();
                    listener.notify(task);
                    timedNanos += System.nanoTime() - started;
                    timedCalls++;
                }
            };
        }

        void enabled(boolean on) {
            try {
                field.set(plugin, on ? real : List.of());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static double enqueueAlone(ConfigurableApplicationContext context, String number) {
        Notifications notifications = context.getBean(Notifications.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        Map<String, Object> model = Map.of(Notifications.CASE_NUMBER, number, Notifications.STEP, "形式审查");
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < WARM_UP; i++) {
                notifications.enqueue("task-created", "stc", model, "warm-up:" + i);
            }
        });
        long[] took = new long[1];
        transactions.executeWithoutResult(status -> {
            long started = System.nanoTime();
            for (int i = 0; i < ROUNDS; i++) {
                notifications.enqueue("task-created", "stc", model, "alone:" + i);
            }
            took[0] = System.nanoTime() - started;
        });
        return took[0] / 1e6 / ROUNDS;
    }
}
