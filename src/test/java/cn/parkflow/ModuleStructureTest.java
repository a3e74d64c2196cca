package cn.parkflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module (ARCHITECTURE.md "Layout"): processes depend on the
 * kernel, never the kernel on a process, never one process on another.
 */
class ModuleStructureTest {

    private static final List<String> PROCESSES = List.of("incubator", "ipcase", "conversion", "keytask");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.parkflow");

    @Test
    void shouldHaveNoCyclesBetweenModules() {
        ApplicationModules.of(ParkflowApplication.class).verify();
    }

    @Test
    void shouldKeepTheKernelFreeOfProcesses() {
        noClasses().that().resideOutsideOfPackages(packages(PROCESSES))
                .should().dependOnClassesThat().resideInAnyPackage(packages(PROCESSES))
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void shouldKeepProcessesIndependentOfEachOther() {
        for (String process : PROCESSES) {
            List<String> others = PROCESSES.stream().filter(other -> !other.equals(process)).toList();
            noClasses().that().resideInAPackage("cn.parkflow." + process + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(packages(others))
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(name -> "cn.parkflow." + name + "..").toArray(String[]::new);
    }
}
