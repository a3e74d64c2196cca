package cn.parkflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every process's stages, found on the class path as the application finds them: each stage code
 * a process sets has a Chinese name, and each step it names is a user task of its models, so
 * 我的案件 and the supervision board never show a raw code.
 */
class CaseStagesTest {

    @Test
    void shouldNameEveryStageOfEveryProcessInChinese() throws Exception {
        List<CaseStages> all = declaredStages();
        assertThat(all).as("the processes' stages").hasSizeGreaterThanOrEqualTo(4);
        List<String> missing = new ArrayList<>();
        for (CaseStages stages : all) {
            for (String stage : new TreeSet<>(stages.byStep().values())) {
                String label = stages.labels().get(stage);
                if (label == null || !label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                    missing.add(stages.getClass().getSimpleName() + ": " + stage);
                }
            }
        }
        assertThat(missing).as("stages without a Chinese name").isEmpty();
        StageNames names = new StageNames(all);
        assertThat(names.of("FORMAL_CHECK")).isEqualTo("形式审查中");
        assertThat(names.of(CaseFile.STATUS_OPEN)).isEqualTo("已立案");
        assertThat(names.of("NO_SUCH_STAGE")).isEqualTo("NO_SUCH_STAGE");
    }

    @Test
    void shouldDeclareStagesOnlyForStepsOfTheProcessModels() throws Exception {
        Map<String, Set<String>> userTasksByProcess = userTasksByProcess();
        List<String> unknown = new ArrayList<>();
        for (CaseStages stages : declaredStages()) {
            for (String step : stages.byStep().keySet()) {
                boolean found = stages.processKeys().stream()
                        .anyMatch(key -> userTasksByProcess.getOrDefault(key, Set.of()).contains(step));
                if (!found) {
                    unknown.add(stages.getClass().getSimpleName() + ": " + step);
                }
            }
        }
        assertThat(unknown).as("steps no model of the process has").isEmpty();
    }

    private static List<CaseStages> declaredStages() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(CaseStages.class));
        List<CaseStages> found = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("cn.parkflow")) {
            Constructor<?> constructor = Class.forName(definition.getBeanClassName()).getDeclaredConstructor();
            constructor.setAccessible(true);
            found.add((CaseStages) constructor.newInstance());
        }
        return found;
    }

    private static Map<String, Set<String>> userTasksByProcess() throws Exception {
        Map<String, Set<String>> tasks = new HashMap<>();
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
            try (InputStream in = model.getInputStream()) {
                BpmnModelInstance instance = Bpmn.readModelFromStream(in);
                for (Process process : instance.getModelElementsByType(Process.class)) {
                    Set<String> ids = tasks.computeIfAbsent(process.getId(), key -> new java.util.HashSet<>());
                    process.getChildElementsByType(UserTask.class).forEach(task -> ids.add(task.getId()));
                    instance.getModelElementsByType(UserTask.class).stream()
                            .filter(task -> isIn(task, process)).forEach(task -> ids.add(task.getId()));
                }
            }
        }
        return tasks;
    }

    private static boolean isIn(UserTask task, Process process) {
        for (var parent = task.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent == process) {
                return true;
            }
        }
        return false;
    }
}
