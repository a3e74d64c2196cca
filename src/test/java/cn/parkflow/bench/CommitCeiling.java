package cn.parkflow.bench;

import cn.parkflow.support.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S0, the ceiling: how many small write transactions PostgreSQL commits per second here, as
 * pgbench's TPC-B-like loop does it (update an account, add a history row, commit), over JDBC with
 * synchronous commit and fsync on, as the application runs.
 */
final class CommitCeiling {

    private static final int ACCOUNTS = 1000;

    private final String url;

    CommitCeiling(PostgresTestServer postgres) {
        this.url = postgres.createDatabaseOnce("bench_commits");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_account, bench_history");
            statement.execute("CREATE TABLE bench_account (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
            statement.execute("CREATE TABLE bench_history (id BIGSERIAL PRIMARY KEY, account INT, delta INT, at TIMESTAMPTZ DEFAULT now())");
            statement.execute("INSERT INTO bench_account SELECT g, 0 FROM generate_series(1, " + ACCOUNTS + ") g");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Commits per second of {@code clients} connections, each looping for {@code millis}. */
    double commitsPerSecond(int clients, long millis) throws InterruptedException {
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + millis * 1_000_000;
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            threads.add(startThread(() -> loop(end, commits)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return commits.get() / ((System.nanoTime() - start) / 1e9);
    }

    private void loop(long end, AtomicLong commits) {
        try (Connection connection = connect();
             PreparedStatement update = connection.prepareStatement("UPDATE bench_account SET balance = balance + ? WHERE id = ?");
             PreparedStatement history = connection.prepareStatement("INSERT INTO bench_history (account, delta) VALUES (?, ?)")) {
            connection.setAutoCommit(false);
            while (System.nanoTime() < end) {
                int account = ThreadLocalRandom.current().nextInt(1, ACCOUNTS + 1);
                int delta = ThreadLocalRandom.current().nextInt(-5000, 5000);
                update.setInt(1, delta);
                update.setInt(2, account);
                update.executeUpdate();
                history.setInt(1, account);
                history.setInt(2, delta);
                history.executeUpdate();
                connection.commit();
                commits.incrementAndGet();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Thread startThread(Runnable work) {
        Thread thread = new Thread(work, "bench-commits");
        thread.start();
        return thread;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }
}
