package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import java.util.UUID;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineMappingsTest {

    private ProcessEngine engine;

    @AfterEach
    void closeTheEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void shouldNameTheDatabaseTypesCamundaUsesForTheUrlsWeKnow() {
        assertThat(EngineMappingsAtStart.camundaDatabaseType("jdbc:postgresql://localhost:5432/parkflow")).isEqualTo("postgres");
        assertThat(EngineMappingsAtStart.camundaDatabaseType("jdbc:h2:file:./data/parkflow;WRITE_DELAY=0")).isEqualTo("h2");
        assertThat(EngineMappingsAtStart.camundaDatabaseType("jdbc:mysql://localhost/parkflow")).isNull();
        assertThat(EngineMappingsAtStart.camundaDatabaseType(null)).isNull();
    }

    @Test
    void shouldBuildAWorkingEngineOnTheMappingsParsedInTheBackground() throws Exception {
        EngineMappings mappings = EngineMappings.parseInBackground("h2", "");
        engine = engineOn(mappings);
        Configuration used = mappingsInUse();

        assertThat(used).isSameAs(mappings.parsed.get());
        assertThat(used.getEnvironment().getDataSource()).isSameAs(engine.getProcessEngineConfiguration().getDataSource());
        assertThat(used.getDefaultExecutorType()).isEqualTo(ExecutorType.BATCH);
        assertThat(used.getDefaultStatementTimeout()).isEqualTo(17);
        startAndFindAProcess(engine);
    }

    @Test
    void shouldParseAgainForTheDatabaseTheEngineFoundWhenTheUrlPredictedAnother() throws Exception {
        EngineMappings mappings = EngineMappings.parseInBackground("postgres", "");
        engine = engineOn(mappings);
        Configuration used = mappingsInUse();

        assertThat(used).isNotSameAs(mappings.parsed.get());
        Properties h2 = new Properties();
        h2.put("prefix", "");
        ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(h2, "", "h2");
        assertThat(used.getVariables()).isEqualTo(h2);
        startAndFindAProcess(engine);
    }

    @Test
    void shouldParseWhenFirstUsedForTheDatabaseTheEngineFoundWhenNothingWasParsedEarly() {
        engine = engineOn(EngineMappings.parsedWhenUsed());

        assertThat(mappingsInUse().getVariables()).containsEntry("prefix", "");
        assertThat(mappingsInUse().getDatabaseId()).as("h2: Camunda's fragments").isNull();
        startAndFindAProcess(engine);
    }

    @Test
    void shouldRefuseToStartWhenCamundasMappingFileNoLongerListsItsMappersAsWeExpect() {
        assertThatThrownBy(() -> EngineMappings.withPostgresAuthorizationCheck("<configuration></configuration>"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("<mappers>");
        assertThat(EngineMappings.withPostgresAuthorizationCheck("<mappers><mapper resource=\"a.xml\" /></mappers>"))
                .isEqualTo("<mappers><mapper resource=\"" + EngineMappings.POSTGRES_AUTHORIZATION_CHECK
                        + "\" /><mapper resource=\"a.xml\" /></mappers>");
    }

    /** The MyBatis configuration the engine's sessions are opened on. */
    private Configuration mappingsInUse() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration();
    }

    private static ProcessEngine engineOn(EngineMappings mappings) {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:mappings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setJobExecutorActivate(false);
        configuration.setJdbcStatementTimeout(17);
        configuration.setProcessEngineName("mappings-" + UUID.randomUUID());
        configuration.setSqlSessionFactory(mappings.sqlSessionFactoryFor(configuration));
        return configuration.buildProcessEngine();
    }

    private static void startAndFindAProcess(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment()
                .addModelInstance("wait.bpmn", Bpmn.createExecutableProcess("wait").startEvent().userTask("look").endEvent().done())
                .deploy();
        String id = engine.getRuntimeService().startProcessInstanceByKey("wait", "PF-1").getId();

        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("PF-1").singleResult().getProcessInstanceId())
                .isEqualTo(id);
    }
}
