package cn.parkflow.incubator;

import java.util.List;

/**
 * One expert's scores (0–100) on the four dimensions of DOMAIN.md §3 and the weighted total.
 * Weights [proposal]: 服务能力 30%, 服务成效 30%, 可持续发展 20%, 创新服务 20%.
 */
record ExpertScore(String expert, int capability, int effectiveness, int sustainability, int innovation,
                   String comment) {

    double total() {
        return round(0.3 * capability + 0.3 * effectiveness + 0.2 * sustainability + 0.2 * innovation);
    }

    static double mean(List<ExpertScore> scores) {
        return round(scores.stream().mapToDouble(ExpertScore::total).average().orElseThrow());
    }

    static double min(List<ExpertScore> scores) {
        return scores.stream().mapToDouble(ExpertScore::total).min().orElseThrow();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
