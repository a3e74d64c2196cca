package cn.parkflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints the results as one Markdown table and writes them as JSON under target/bench/. */
final class Table {

    private Table() {
    }

    static String markdown(List<Result> results) {
        StringBuilder table = new StringBuilder(
                "| scenario | measure | Parkflow (min / median / max) | bare engine (min / median / max) "
                        + "| ratio (min / median / max) | goal | note |\n|---|---|---|---|---|---|---|\n");
        for (Result result : results) {
            table.append("| ").append(result.scenario).append(" | ").append(result.measure).append(" (")
                    .append(result.unit).append(") | ").append(spread(result.parkflow, "%.1f")).append(" | ")
                    .append(spread(result.bare, "%.1f")).append(" | ").append(spread(result.ratios, "%.2f"))
                    .append(" | ").append(result.goal).append(" | ").append(result.note).append(" |\n");
        }
        return table.toString();
    }

    static Path writeJson(List<Result> results, Map<String, Object> environment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("measuredAt", Instant.now().toString());
        json.put("environment", environment);
        json.put("results", results.stream().map(Table::json).toList());
        try {
            Path directory = Path.of("target", "bench");
            Files.createDirectories(directory);
            Path file = directory.resolve("results.json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> json(Result result) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", result.scenario);
        row.put("measure", result.measure);
        row.put("unit", result.unit);
        row.put("parkflow", result.parkflow);
        row.put("bare", result.bare);
        row.put("ratios", result.ratios);
        row.put("parkflowSpread", Spread.of(result.parkflow));
        row.put("bareSpread", Spread.of(result.bare));
        row.put("ratioSpread", Spread.of(result.ratios));
        row.put("goal", result.goal);
        row.put("note", result.note);
        return row;
    }

    private static String spread(List<Double> values, String pattern) {
        Spread spread = Spread.of(values);
        return spread == null ? "–" : spread.format(pattern);
    }
}
