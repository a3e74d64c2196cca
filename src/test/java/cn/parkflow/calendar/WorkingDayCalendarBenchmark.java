package cn.parkflow.calendar;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Plain micro-benchmark (surefire skips *Benchmark): 1,000,000 {@code addWorkingDays} calls with
 * N from 1 to 60 from random days of 2025–2026, after a warm-up, best of five runs. Run:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) cn.parkflow.calendar.WorkingDayCalendarBenchmark}
 */
public final class WorkingDayCalendarBenchmark {

    private static final int CALLS = 1_000_000;

    public static void main(String[] args) {
        WorkingDayCalendar calendar = WorkingDayCalendar.bundled();
        LocalDate[] starts = new LocalDate[4096];
        int[] lengths = new int[4096];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < starts.length; i++) {
            starts[i] = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730));
            lengths[i] = 1 + random.nextInt(60);
        }
        long sink = 0;
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            sink += run(calendar, starts, lengths);
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long began = System.nanoTime();
            sink += run(calendar, starts, lengths);
            best = Math.min(best, System.nanoTime() - began);
        }
        long betweenBegan = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            sink += calendar.workingDaysBetween(starts[i & 4095], starts[(i + 1) & 4095]);
        }
        long between = System.nanoTime() - betweenBegan;
        System.out.printf("addWorkingDays: %,d calls (N 1..60) in %.1f ms, %.0f ns/call%n", CALLS, best / 1e6,
                (double) best / CALLS);
        System.out.printf("workingDaysBetween: %,d calls in %.1f ms, %.0f ns/call (sink %d)%n", CALLS,
                between / 1e6, (double) between / CALLS, sink);
    }

    private static long run(WorkingDayCalendar calendar, LocalDate[] starts, int[] lengths) {
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            sum += calendar.addWorkingDays(starts[i & 4095], lengths[i & 4095]).getDayOfMonth();
        }
        return sum;
    }
}
