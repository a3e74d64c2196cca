package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class PostgresSessionSettingsTest extends PostgresApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldPricePagesAsCachedOnEveryPooledConnection() {
        // PostgreSQL's own defaults are 1 and 4; the pool's connections carry parkflow.database.postgres-options
        assertThat(jdbc.queryForObject("SHOW seq_page_cost", String.class)).isEqualTo("0.1");
        assertThat(jdbc.queryForObject("SHOW random_page_cost", String.class)).isEqualTo("0.1");
    }
}
