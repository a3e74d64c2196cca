package cn.parkflow.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's MyBatis mappings (about 1,800 statements), parsed on a thread of their own while Spring
 * sets up the rest of the application. Parsing them is most of what building the process engine
 * costs at start; Camunda does it on the main thread, after everything the engine waits for.
 *
 * <p>The parse is made for the database type and table prefix the configuration names
 * ({@link EngineMappingsAtStart}); the engine takes it ({@link #sqlSessionFactoryFor}) only if its
 * own type and prefix turn out the same, and otherwise parses again for what it found, as Camunda
 * would. The rest is Camunda's own set-up of its session factory: its environment, statement
 * timeout and batch executor.
 */
public final class EngineMappings {

    private static final Logger log = LoggerFactory.getLogger(EngineMappings.class);
    private static final String POSTGRES = "postgres";
    private static final String MAPPERS = "<mappers>";
    static final String POSTGRES_AUTHORIZATION_CHECK = "db/camunda/authorization-check.postgres.xml";

    private final String databaseType;
    private final String tablePrefix;
    /** The background parse, whose result is the configuration the engine takes; null: parse when used. */
    final CompletableFuture<Configuration> parsed;

    private EngineMappings(String databaseType, String tablePrefix, CompletableFuture<Configuration> parsed) {
        this.databaseType = databaseType;
        this.tablePrefix = tablePrefix;
        this.parsed = parsed;
    }

    /** Starts the parse for a database of Camunda's {@code databaseType} on a daemon thread. */
    static EngineMappings parseInBackground(String databaseType, String tablePrefix) {
        CompletableFuture<Configuration> parsed = new CompletableFuture<>();
        Thread parser = new Thread(() -> {
            try {
                parsed.complete(parse(databaseType, tablePrefix));
            } catch (RuntimeException | Error e) {
                parsed.completeExceptionally(e);
            }
        }, "camunda-mappings");
        parser.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        parser.setDaemon(true);
        parser.start();
        return new EngineMappings(databaseType, tablePrefix, parsed);
    }

    /** Mappings parsed on the engine's own thread when it first uses them, for the type and prefix it found. */
    static EngineMappings parsedWhenUsed() {
        return new EngineMappings(null, null, null);
    }

    /**
     * The session factory for {@code engine}. It is settled when the engine first uses it, which is
     * after the engine has found its data source, transactions and database type.
     */
    SqlSessionFactory sqlSessionFactoryFor(ProcessEngineConfigurationImpl engine) {
        return new SettledOnFirstUse(() -> settle(engine));
    }

    private SqlSessionFactory settle(ProcessEngineConfigurationImpl engine) {
        Configuration configuration = configurationFor(engine.getDatabaseType(), engine.getDatabaseTablePrefix());
        configuration.setEnvironment(new Environment("default", engine.getTransactionFactory(), engine.getDataSource()));
        configuration.setDefaultStatementTimeout(engine.getJdbcStatementTimeout());
        if (engine.isJdbcBatchProcessing()) {
            configuration.setDefaultExecutorType(ExecutorType.BATCH);
        }
        return new DefaultSqlSessionFactory(configuration);
    }

    private Configuration configurationFor(String engineDatabaseType, String engineTablePrefix) {
        if (parsed == null) {
            return parse(engineDatabaseType, engineTablePrefix);
        }
        if (!databaseType.equals(engineDatabaseType) || !Objects.equals(tablePrefix, engineTablePrefix)) {
            log.info("Camunda's mappings were parsed for database type {} and prefix '{}', the engine found {} and '{}': "
                    + "parsing them again", databaseType, tablePrefix, engineDatabaseType, engineTablePrefix);
            return parse(engineDatabaseType, engineTablePrefix);
        }
        try {
            return parsed.get();
        } catch (ExecutionException e) {
            log.warn("Parsing Camunda's mappings in the background failed, parsing them again", e.getCause());
            return parse(engineDatabaseType, engineTablePrefix);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Camunda's mappings", e);
        }
    }

    /**
     * Camunda's parse of its mapping file, with its properties for the database type and prefix. On
     * PostgreSQL our authorization check ({@value #POSTGRES_AUTHORIZATION_CHECK}) is read first and
     * takes the place of Camunda's, whose fragment it names with the database id {@code postgres}.
     */
    static Configuration parse(String databaseType, String tablePrefix) {
        Properties properties = new Properties();
        properties.put("prefix", tablePrefix);
        ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
        boolean postgres = POSTGRES.equals(databaseType);
        String mappings = postgres ? withPostgresAuthorizationCheck(camundaMappings()) : camundaMappings();
        return new XMLConfigBuilder(postgres ? PostgresConfiguration.class : Configuration.class,
                new StringReader(mappings), "", properties).parse();
    }

    private static String camundaMappings() {
        try (InputStream mappings = EngineMappings.class.getClassLoader()
                .getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE)) {
            return new String(Objects.requireNonNull(mappings, "Camunda's mapping file").readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Camunda's mapping file with our check's mapper first among the mappers. */
    static String withPostgresAuthorizationCheck(String camundaMappings) {
        if (!camundaMappings.contains(MAPPERS)) {
            throw new IllegalStateException("Camunda's mapping file has no " + MAPPERS + " element: "
                    + "the PostgreSQL authorization check cannot be put before Camunda's");
        }
        return camundaMappings.replace(MAPPERS, MAPPERS + "<mapper resource=\"" + POSTGRES_AUTHORIZATION_CHECK + "\" />");
    }

    /**
     * MyBatis's configuration with the database id of PostgreSQL, which selects our fragments of that
     * id, and with the task list planned for each call ({@link TaskListPlannedPerCall}).
     */
    public static class PostgresConfiguration extends Configuration {

        public PostgresConfiguration() {
            setDatabaseId(POSTGRES);
            addInterceptor(new TaskListPlannedPerCall());
        }
    }
}
