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
 * <p>The default, {@code random_page_cost=1.1}, tells the planner that a random read costs little
 * more than a sequential one, as on the SSDs the park's servers use (PostgreSQL's own default, 4,
 * is for spinning disks). With it, 本部门待办 at 100,000 open tasks fetches the department's tasks
 * by their primary key instead of reading the whole task table, which halves the query (README
 * "Performance", S3). A connection URL that names its own {@code options} keeps them.
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
