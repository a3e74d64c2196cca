package cn.parkflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("application")
class PostgresTestServerTest {

    @Test
    void shouldRunARealPostgresWithSynchronousCommit() {
        PostgresTestServer server = PostgresTestServer.shared();

        assertThat(server.query("SHOW server_version")).startsWith("17.");
        assertThat(server.query("SHOW synchronous_commit")).isEqualTo("on");
        assertThat(server.query("SHOW fsync")).isEqualTo("on");
    }
}
