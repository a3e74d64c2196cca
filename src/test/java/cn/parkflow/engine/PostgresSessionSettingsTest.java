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
    void shouldGiveEveryPooledConnectionTheConfiguredPlannerCosts() {
        // PostgreSQL's own defaults are 4 and 0.01; the pool's connections carry parkflow.database.postgres-options
        assertThat(jdbc.queryForObject("SHOW random_page_cost", String.class)).isEqualTo("1.1");
        assertThat(jdbc.queryForObject("SHOW cpu_tuple_cost", String.class)).isEqualTo("0.03");
    }
}
