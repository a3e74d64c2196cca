package cn.parkflow.security;

import cn.parkflow.engine.EngineParseListeners;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine-level half of the security baseline, so that no path into the engine goes around
 * it: the caller policy on every command, the server-decided applicant on every start, and
 * query expressions that cannot reach Spring beans; and authorization checks that do not scan the
 * grant table in every command.
 */
@Component
class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;
    private final VerifiedIdentities verifiedIdentities;
    private final JdbcTemplate jdbc;

    EngineSecurityPlugin(ApplicationContext applicationContext, VerifiedIdentities verifiedIdentities, JdbcTemplate jdbc) {
        this.applicationContext = applicationContext;
        this.verifiedIdentities = verifiedIdentities;
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptor policy = new CallerCommandPolicy(configuration.getIdentityService());
        configuration.setCustomPreCommandInterceptorsTxRequired(with(with(
                configuration.getCustomPreCommandInterceptorsTxRequired(), policy), new IdentityChanges(verifiedIdentities)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(with(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new CallerCommandPolicy(
                        configuration.getIdentityService())), new IdentityChanges(verifiedIdentities)));
        configuration.setExpressionManager(new QueryExpressionManager(applicationContext, configuration.getBeans()));
        LeanAuthorizationManager.install(configuration, jdbc);
        configuration.setResourceAuthorizationProvider(new NewTaskGrants());
        EngineParseListeners.of(configuration).add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                String initiator = (String) process.getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
                process.addBuiltInListener(ExecutionListener.EVENTNAME_START, new CallerIdentity(initiator), 0);
            }
        });
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor added) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(added);
        return all;
    }
}
