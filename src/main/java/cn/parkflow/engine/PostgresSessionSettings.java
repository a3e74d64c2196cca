package cn.parkflow.engine;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * PostgreSQL session settings for every connection of the application's pool, from
 * {@code parkflow.database.postgres-options} (the server's {@code -c name=value} form).
 *
 * <p>The default prices a random page read for SSDs ({@code random_page_cost=1.1}; the server's
 * default, 4, is for spinning disks) and a row's processing for Camunda's wide task rows
 * ({@code cpu_tuple_cost=0.03}, against 0.01). With the server's defaults, 本部门待办 at 100,000
 * open tasks hash-joined the department's candidate links with a scan of the whole task table; with
 * these it fetches the department's tasks by key, in every measured run (README "Performance", S3).
 * A connection URL that names its own {@code options} keeps them.
 */
@Configuration(proxyBeanMethods = false)
class PostgresSessionSettings {

    static final String PROPERTY = "parkflow.database.postgres-options";

    @Bean
    static BeanPostProcessor postgresSessionOptions(Environment environment) {
        String options = environment.getProperty(PROPERTY, "");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool && !options.isBlank() && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                        && !pool.getJdbcUrl().contains("options=") && !pool.getDataSourceProperties().containsKey("options")) {
                    pool.addDataSourceProperty("options", options);
                }
                return bean;
            }
        };
    }
}
