package cn.parkflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The two ways a model declares a document, on an engine without Spring: the {@code document}
 * property on a step that does something else (its value may choose the template), and a
 * {@code makeDocument} step of its own. Each orders the document for the case of the business key,
 * with the step's variables and a step name of its own.
 */
class DeclaredDocumentsTest {

    private static final OfficialDocuments documents = mock(OfficialDocuments.class);
    private static ProcessEngine engine = engine();

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(engine).build();

    @BeforeEach
    void mocks() {
        reset(documents);
        Mocks.register("makeDocument", new MakeDocumentDelegate(documents));
    }

    @AfterEach
    void cleanUp() {
        Mocks.reset();
        engine.getRepositoryService().createDeploymentQuery().list()
                .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
    }

    @Test
    void shouldMakeTheDocumentThePropertyChoosesWhenTheStepEnds() {
        // given
        deploy("""
                <bpmn:serviceTask id="Task_CloseCase" name="结案" camunda:expression="${execution.setVariable('closed', true)}">
                  <bpmn:extensionElements>
                    <camunda:properties>
                      <camunda:property name="document"
                          value="${rejectionCode == 'Err_NotAccepted' ? 'incubator-non-acceptance' : 'incubator-non-certification'}" />
                    </camunda:properties>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>""");

        // when
        String instance = engine.getRuntimeService().startProcessInstanceByKey("documents", "INC-2026-0009",
                Map.of("rejectionCode", "Err_NotAccepted", "reason", "材料不齐")).getId();

        // then
        DocumentOrder order = ordered();
        assertThat(order.template()).isEqualTo("incubator-non-acceptance");
        assertThat(order.caseNumber()).isEqualTo("INC-2026-0009");
        assertThat(order.variables()).containsEntry("reason", "材料不齐").containsEntry("closed", true);
        assertThat(order.step()).startsWith(instance + ":Task_CloseCase:").endsWith(":incubator-non-acceptance");
    }

    @Test
    void shouldMakeTheDocumentOfAMakeDocumentStep() {
        // given
        deploy("""
                <bpmn:serviceTask id="Task_IssueSupervisionOrder" name="签发督办单" camunda:delegateExpression="${makeDocument}">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="documentTemplate">keytask-supervision-order</camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>""");

        // when
        engine.getRuntimeService().startProcessInstanceByKey("documents", "KT-2026-0001", Map.of("taskTitle", "重点任务"));

        // then
        DocumentOrder order = ordered();
        assertThat(order.template()).isEqualTo("keytask-supervision-order");
        assertThat(order.caseNumber()).isEqualTo("KT-2026-0001");
        assertThat(order.variables()).containsEntry("taskTitle", "重点任务");
    }

    @Test
    void shouldMakeNoDocumentWhenThePropertyChoosesNone() {
        deploy("""
                <bpmn:serviceTask id="Task_Decide" name="决定" camunda:expression="${true}">
                  <bpmn:extensionElements>
                    <camunda:properties>
                      <camunda:property name="document" value="${outcome == 'PENALTY' ? 'ipcase-decision-summary' : ''}" />
                    </camunda:properties>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>""");

        engine.getRuntimeService().startProcessInstanceByKey("documents", "IP-2026-0001", Map.of("outcome", "TRANSFER"));

        verifyNoInteractions(documents);
    }

    @Test
    void shouldMakeNoDocumentForAStepThatDeclaresNone() {
        deploy("""
                <bpmn:serviceTask id="Task_Record" name="登记" camunda:expression="${true}" />""");

        engine.getRuntimeService().startProcessInstanceByKey("documents", "INC-2026-0010");

        verifyNoInteractions(documents);
    }

    private static DocumentOrder ordered() {
        ArgumentCaptor<DocumentOrder> order = ArgumentCaptor.forClass(DocumentOrder.class);
        verify(documents).make(order.capture());
        return order.getValue();
    }

    /** One process "documents": start, the given step, end. */
    private static void deploy(String step) {
        String id = step.substring(step.indexOf("id=\"") + 4, step.indexOf('"', step.indexOf("id=\"") + 4));
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Documents"
                    targetNamespace="http://parkflow.cn/test">
                  <bpmn:process id="documents" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="StartEvent_Started" />
                    <bpmn:sequenceFlow id="SequenceFlow_In" sourceRef="StartEvent_Started" targetRef="%1$s" />
                    %2$s
                    <bpmn:sequenceFlow id="SequenceFlow_Out" sourceRef="%1$s" targetRef="EndEvent_Done" />
                    <bpmn:endEvent id="EndEvent_Done" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(id, step);
        engine.getRepositoryService().createDeployment().addInputStream("documents.bpmn",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).deploy();
    }

    private static ProcessEngine engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:documents-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setJobExecutorActivate(false);
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.setProcessEngineName("documents-" + UUID.randomUUID());
        configuration.getProcessEnginePlugins().add(new DeclaredDocuments(
                new StaticListableBeanFactory(Map.of("officialDocuments", documents)).getBeanProvider(OfficialDocuments.class)));
        return configuration.buildProcessEngine();
    }
}
