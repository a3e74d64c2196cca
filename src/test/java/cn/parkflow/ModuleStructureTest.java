package cn.parkflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module (ARCHITECTURE.md "Layout"): processes depend on the
 * kernel, never the kernel on a process, never one process on another.
 * Each module declares in its package-info.java which modules it may use (STYLE.md §6).
 */
class ModuleStructureTest {

    private static final List<String> PROCESSES = List.of("incubator", "ipcase", "conversion", "keytask");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.parkflow");

    @Test
    void shouldHaveNoCyclesAndUseOnlyTheDeclaredModules() {
        ApplicationModules.of(ParkflowApplication.class).verify();
    }

    @Test
    void shouldDeclareWhatEachModuleMayUseInItsPackageInfo() {
        for (var module : ApplicationModules.of(ParkflowApplication.class)) {
            String name = module.getBasePackage().getName();
            ApplicationModule declaration = declaration(name);

            assertThat(declaration).as("@ApplicationModule in %s/package-info.java", name).isNotNull();
            assertThat(declaration.allowedDependencies()).as("allowedDependencies of %s", name)
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
            if (!PROCESSES.contains(module.getIdentifier().toString())) {
                assertThat(declaration.allowedDependencies()).as("kernel module %s may use", name)
                        .doesNotContainAnyElementsOf(PROCESSES);
            }
        }
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

    private static ApplicationModule declaration(String packageName) {
        try {
            return Class.forName(packageName + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException noPackageInfo) {
            return null;
        }
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(name -> "cn.parkflow." + name + "..").toArray(String[]::new);
    }
}
