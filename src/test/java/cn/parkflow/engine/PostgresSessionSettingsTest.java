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
    void shouldPriceRandomReadsForSsdsOnEveryPooledConnection() {
        // PostgreSQL's own default is 4; the pool's connections carry parkflow.database.postgres-options
        assertThat(jdbc.queryForObject("SHOW random_page_cost", String.class)).isEqualTo("1.1");
    }
}
