package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which tag of Camunda's changelog a schema made by Camunda's scripts stands at. */
class CamundaSchemaTest {

    @Test
    void shouldMarkAScriptSchemaUpToTheTagOfItsMinorVersion() {
        assertThat(CamundaSchema.tagOf("7.24.0")).isEqualTo("7.24.0");
        assertThat(CamundaSchema.tagOf("7.22.5")).isEqualTo("7.22.0");
    }

    @Test
    void shouldRefuseASchemaOlderThanTheChangelog() {
        assertThatThrownBy(() -> CamundaSchema.tagOf("7.15.0")).hasMessageContaining("older than the Liquibase changelog");
    }
}
