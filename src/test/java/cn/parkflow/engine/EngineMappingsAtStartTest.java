package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import java.util.Properties;
import org.apache.ibatis.session.SqlSessionFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tests' configuration names PostgreSQL's URL only after the application's configuration is
 * read (a dynamic property), so the early parse was made for the demo profile's H2 and the engine,
 * finding PostgreSQL, parses again: the case of a wrong guess, in the real wiring.
 */
class EngineMappingsAtStartTest extends PostgresApplicationTest {

    @Autowired
    EngineMappings mappings;

    @Autowired
    ProcessEngine engine;

    @Test
    void shouldHandTheEarlyParseToTheEngineWhichParsesAgainForTheDatabaseItFound() throws Exception {
        SqlSessionFactory used = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory();
        Properties postgres = new Properties();
        postgres.put("prefix", "");
        ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(postgres, "", "postgres");

        assertThat(used).isInstanceOf(SettledOnFirstUse.class);
        assertThat(used.getConfiguration()).isNotSameAs(mappings.parsed.get());
        assertThat(used.getConfiguration().getVariables()).isEqualTo(postgres);
    }
}
