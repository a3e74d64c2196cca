package cn.parkflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The whole application on PostgreSQL 17 with durable commits, as production runs it. */
class ParkflowPostgresTest extends PostgresApplicationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldRunOnPostgresWithSynchronousCommitAndOurMigrations() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL 17");
        assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success")
                .query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM act_re_procdef WHERE key_ = 'foundation-fixture'")
                .query(Integer.class).single()).isPositive();
    }
}
