package cn.parkflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code --statements=N}: every statement PostgreSQL executes while each engine walks N more S1
 * cases, counted by database and by the statement's shape (its first words), from the server's
 * log with {@code log_statement = all}. Tells which statements Parkflow adds to the bare engine's.
 */
final class StatementCensus {

    private static final Pattern EXECUTE = Pattern.compile("^\\S+ \\S+ \\S+ \\[\\d+\\] (\\S+) LOG:  (?:execute [^:]+|statement): (.*)$");

    private final JdbcTemplate superuser;
    private final Path serverLog;

    StatementCensus(JdbcTemplate superuser, Path serverLog) {
        this.superuser = superuser;
        this.serverLog = serverLog;
    }

    /** Statements per case for each database, by shape, most frequent first. */
    Map<String, Map<String, Double>> during(int cases, Runnable work) {
        long from = size();
        superuser.execute("ALTER SYSTEM SET log_statement = 'all'");
        superuser.execute("ALTER SYSTEM SET log_line_prefix = '%m [%p] %d '");
        superuser.execute("SELECT pg_reload_conf()");
        try {
            work.run();
        } finally {
            superuser.execute("ALTER SYSTEM RESET log_statement");
            superuser.execute("ALTER SYSTEM RESET log_line_prefix");
            superuser.execute("SELECT pg_reload_conf()");
        }
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (String line : read(from).replace("\n\t", " ").split("\n")) {
            Matcher m = EXECUTE.matcher(line);
            if (m.matches()) {
                counts.computeIfAbsent(m.group(1), d -> new TreeMap<>()).merge(shape(m.group(2)), 1, Integer::sum);
            }
        }
        Map<String, Map<String, Double>> perCase = new LinkedHashMap<>();
        counts.forEach((database, shapes) -> perCase.put(database, shapes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() / (double) cases, (a, b) -> a, LinkedHashMap::new))));
        return perCase;
    }

    static String shape(String sql) {
        String words = sql.replaceAll("\\s+", " ").replaceAll("'[^']*'", "?").replaceAll("\\$\\d+", "?").trim();
        return words.length() > 110 ? words.substring(0, 110) : words;
    }

    private long size() {
        try {
            return Files.size(serverLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String read(long from) {
        try {
            byte[] all = Files.readAllBytes(serverLog);
            return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
