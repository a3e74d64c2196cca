package cn.parkflow.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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

    private final String databaseType;
    private final String tablePrefix;
    /** The background parse; its result is the configuration the engine takes. */
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

    /** Camunda's parse of its mapping file, with its properties for the database type and prefix. */
    static Configuration parse(String databaseType, String tablePrefix) {
        Properties properties = new Properties();
        properties.put("prefix", tablePrefix);
        ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
        ClassLoader loader = EngineMappings.class.getClassLoader();
        try (InputStream mappings = loader.getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
                Reader reader = new InputStreamReader(Objects.requireNonNull(mappings, "Camunda's mapping file"),
                        StandardCharsets.UTF_8)) {
            return new XMLConfigBuilder(reader, "", properties).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
