package cn.parkflow.notification;

import java.time.Duration;

/** Exponential back-off between delivery attempts: initial, 2×, 4× … capped at max. */
record Backoff(Duration initial, Duration max) {

    /** The wait after the given failed attempt (1 = the first). */
    Duration after(int attempt) {
        Duration delay = initial;
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
