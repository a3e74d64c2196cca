package cn.parkflow.notification;

import java.util.function.Supplier;

/**
 * Assignments whose mail the code making them sends itself, with more to say than the standard
 * "assigned to you" (e.g. 转办 with its reason): while {@link #during} runs, {@code TaskNotifier}
 * sends no assignment mail, so the new holder gets one mail per event, not two.
 */
public final class AnnouncedAssignments {

    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private AnnouncedAssignments() {
    }

    public static <T> T during(Supplier<T> work) {
        boolean outer = ACTIVE.get();
        ACTIVE.set(true);
        try {
            return work.get();
        } finally {
            ACTIVE.set(outer);
        }
    }

    static boolean active() {
        return ACTIVE.get();
    }
}
