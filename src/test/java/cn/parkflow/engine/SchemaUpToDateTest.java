package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** On a database of its own (H2 in memory) with our migrations: when a start may skip Flyway's migrate. */
class SchemaUpToDateTest {

    private final JdbcDataSource database = new JdbcDataSource();
    private final CountedFlyway flyway;
    private final JdbcTemplate jdbc;
    private final SchemaUpToDate strategy = new SchemaUpToDate();

    SchemaUpToDateTest() {
        database.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        flyway = new CountedFlyway(Flyway.configure().dataSource(database).locations("classpath:db/migration"));
        jdbc = new JdbcTemplate(database);
    }

    /** Flyway, counting the migrates it was asked for. */
    static final class CountedFlyway extends Flyway {
        int migrates;

        CountedFlyway(Configuration configuration) {
            super(configuration);
        }

        @Override
        public MigrateResult migrate() {
            migrates++;
            return super.migrate();
        }
    }

    @Test
    void shouldComputeTheChecksumsFlywayComputesForOurMigrations() {
        Set<SchemaUpToDate.Migration> flywaysOwn = Arrays.stream(flyway.info().all())
                .map(info -> new SchemaUpToDate.Migration(info.getVersion().getVersion(), info.getDescription(), info.getChecksum()))
                .collect(Collectors.toSet());

        assertThat(local()).hasSizeGreaterThan(20).isEqualTo(flywaysOwn);
    }

    @Test
    void shouldMigrateAnEmptyDatabaseAndSkipOnlyWhenItHoldsExactlyOurMigrations() {
        assertThat(applied()).isNull();

        strategy.migrate(flyway);

        assertThat(flyway.migrates).isOne();
        assertThat(Arrays.stream(flyway.info().applied()).map(MigrationInfo::getVersion).count()).isGreaterThan(20);
        assertThat(applied()).isEqualTo(local());

        strategy.migrate(flyway); // a restart on the migrated database
        assertThat(flyway.migrates).as("Flyway's migrate skipped").isOne();
    }

    @Test
    void shouldLeaveAChangedMigrationToFlywaysValidation() {
        strategy.migrate(flyway);
        jdbc.update("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '10'");

        assertThat(applied()).isNotEqualTo(local());
        assertThatThrownBy(() -> strategy.migrate(flyway)).isInstanceOf(FlywayValidateException.class);
        assertThat(flyway.migrates).isEqualTo(2);
    }

    @Test
    void shouldLeaveAFailedOrMissingMigrationToFlyway() {
        strategy.migrate(flyway);
        jdbc.update("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '80'");
        assertThat(applied()).isNotEqualTo(local());
        // Flyway is asked: it finds V80 pending and runs it again (here it fails, its table being there)
        assertThatThrownBy(() -> strategy.migrate(flyway)).isInstanceOf(FlywayException.class);
        assertThat(flyway.migrates).isEqualTo(2);

        jdbc.update("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '75'");
        assertThat(applied()).isNull();
    }

    private Set<SchemaUpToDate.Migration> local() {
        return SchemaUpToDate.local(flyway.getConfiguration());
    }

    private Set<SchemaUpToDate.Migration> applied() {
        return SchemaUpToDate.applied(flyway.getConfiguration());
    }
}
