package cn.parkflow.keytask;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application's own tables for engine tests without Spring: an H2 database in memory with
 * every Flyway migration, emptied of key-task data before each test. The registers under test run
 * their real SQL against it.
 */
final class KeyTaskDatabase {

    private static DataSource dataSource;

    private KeyTaskDatabase() {
    }

    static synchronized JdbcClient fresh() {
        if (dataSource == null) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:keytask-tables;DB_CLOSE_DELAY=-1");
            Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
            dataSource = h2;
        }
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (String table : new String[] {"key_task_expert_score", "block_operator_self_assessment", "key_task_cooperation", "key_task_report", "key_task_notice", "key_task_item",
                "key_task_list", "indicator_actual", "indicator", "block_operator_assessment"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        return jdbc;
    }
}
