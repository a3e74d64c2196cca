package cn.parkflow.engine;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code parkflow.engine.schema-install=liquibase} ({@link SchemaProperties}, profile prod): Camunda's schema comes from its
 * Liquibase changelog at start. The demo profile leaves it to the engine's {@code schema-update}
 * on H2. Spring Boot's own Liquibase set-up stays off ({@code spring.liquibase.enabled=false}):
 * it knows only one changelog, and ours would have to be Camunda's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "parkflow.engine.schema-install", havingValue = "liquibase")
class CamundaSchemaConfiguration {

    @Bean
    CamundaSchema camundaSchema(DataSource dataSource) {
        CamundaSchema schema = new CamundaSchema();
        schema.setDataSource(dataSource);
        return schema;
    }
}
