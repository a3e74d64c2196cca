package cn.parkflow.bench;

import java.util.Arrays;
import java.util.List;

/** Minimum, median and maximum of the repetitions of one figure. */
record Spread(double min, double median, double max) {

    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(sorted[0], median, sorted[n - 1]);
    }

    /** The p-th percentile (0..100) of samples, nearest rank. */
    static double percentile(List<Double> samples, double p) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    String format(String pattern) {
        return String.format(pattern, min) + " / " + String.format(pattern, median) + " / " + String.format(pattern, max);
    }
}
