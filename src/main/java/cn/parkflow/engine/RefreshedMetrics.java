package cn.parkflow.engine;

/**
 * Gauges that count rows in the database. {@link MetricsRefresher} calls every such bean on its own
 * thread every {@code parkflow.metrics.refresh-interval}, so a Prometheus scrape never waits for
 * a query and a slow database never blocks a scrape.
 */
public interface RefreshedMetrics {

    void refresh();
}
