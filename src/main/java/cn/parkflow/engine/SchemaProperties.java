package cn.parkflow.engine;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code parkflow.engine.*}.
 *
 * @param schemaInstall who installs Camunda's schema: {@code liquibase} (profile prod, {@link CamundaSchema})
 *                      or {@code none} (the engine's own {@code schema-update}, demo on H2)
 */
@Validated
@ConfigurationProperties("parkflow.engine")
record SchemaProperties(@NotNull SchemaInstall schemaInstall) {

    enum SchemaInstall { NONE, LIQUIBASE }
}
