package cn.parkflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateListener;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A model's process start listeners (validate the submission, open the case, take its number)
 * and user-task complete listeners (check the submitted form) become built-in listeners at parse
 * time. A start or modification with "skip custom listeners" skips custom listeners only, so
 * nobody can start a process or finish a step around its checks. Models keep declaring them as
 * ordinary {@code camunda:executionListener} / {@code camunda:taskListener}. They are appended to
 * the built-in ones: the kernel's form rules ({@code form/FormChecks}, added with
 * {@link EngineParseListeners#addFirstBuiltIn}) still run before them, so a refused completion has
 * run no listener's side effects, whichever of the two plugins parses first.
 */
@Component
public class ModelChecksAreBuiltIn extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineParseListeners.of(configuration).add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                List<DelegateListener<? extends BaseDelegateExecution>> custom =
                        new ArrayList<>(process.getListeners(ExecutionListener.EVENTNAME_START));
                custom.removeAll(process.getBuiltInListeners(ExecutionListener.EVENTNAME_START));
                custom.forEach(listener -> process.getBuiltInListeners()
                        .computeIfAbsent(ExecutionListener.EVENTNAME_START, event -> new ArrayList<>()).add(listener));
            }

            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                Map<String, List<TaskListener>> custom = task.getTaskListeners();
                List<TaskListener> checks = custom.remove(TaskListener.EVENTNAME_COMPLETE);
                if (checks != null) {
                    checks.forEach(check -> task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, check));
                }
            }
        });
    }
}
