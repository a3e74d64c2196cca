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
 * <p>The default prices a page read as PostgreSQL advises for a database held in memory, as the
 * park's is (a few gigabytes at most): both page costs at 0.1, low against the CPU costs (the server
 * defaults, 1 for a sequential and 4 for a random read, assume a disk). With the defaults the
 * planner read the whole task table for 本部门待办 at 100,000 open tasks in some runs, and fetched
 * the department's tasks by key in others, depending on the statistics of the day; priced as cached
 * it fetches them by key, in about half the time (README "Performance", S3). A connection URL that
 * names its own {@code options} keeps them.
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
