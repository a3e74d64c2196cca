package cn.parkflow.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the table: a scenario's figure for Parkflow and, where there is one, for the bare
 * engine in the same run, each repetition's ratio (Parkflow ÷ bare, higher is better for rates),
 * and the goal the issue sets.
 */
final class Result {

    final String scenario;
    final String measure;
    final String unit;
    final String goal;
    final List<Double> parkflow = new ArrayList<>();
    final List<Double> bare = new ArrayList<>();
    final List<Double> ratios = new ArrayList<>();
    String note = "";

    Result(String scenario, String measure, String unit, String goal) {
        this.scenario = scenario;
        this.measure = measure;
        this.unit = unit;
        this.goal = goal;
    }

    /** One repetition measured on both; the ratio is taken within the repetition. */
    void add(double parkflowValue, double bareValue) {
        parkflow.add(parkflowValue);
        bare.add(bareValue);
        ratios.add(parkflowValue / bareValue);
    }

    void add(double parkflowValue) {
        parkflow.add(parkflowValue);
    }

    Result note(String text) {
        note = text;
        return this;
    }
}
