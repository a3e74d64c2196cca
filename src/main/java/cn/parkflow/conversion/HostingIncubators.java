package cn.parkflow.conversion;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.figure.RegisterLookup;
import cn.parkflow.figure.RegisterLookup.RegisterEntry;
import cn.parkflow.form.SubmissionRefused;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The certified incubator that hosts a landed company (issue 13 "link to the incubator register"):
 * named by 大零号湾集团 when it provides the space, by name or certificate number, checked against
 * the incubator register through the kernel's {@link RegisterLookup} (the incubator process keeps
 * the register, this package does not know it), and kept with the register's name and number.
 */
@Component
class HostingIncubators {

    /** The register code the incubator process answers for. */
    static final String REGISTER = "CERTIFIED_INCUBATORS";
    static final String NAME = "incubatorName";
    static final String CERTIFICATE_NUMBER = "incubatorCertificateNumber";
    /** The longest list of valid names an error message offers. */
    private static final int OFFERED = 20;

    private final List<RegisterLookup> lookups;

    HostingIncubators(List<RegisterLookup> lookups) {
        this.lookups = lookups;
    }

    /** The incubators certified and valid today. */
    List<RegisterEntry> certified() {
        return lookups.stream().filter(lookup -> lookup.registers().contains(REGISTER))
                .flatMap(lookup -> lookup.validOn(REGISTER, EngineClock.today()).stream()).toList();
    }

    /** The valid certified incubator named (its name or its certificate number, spaces ignored). */
    Optional<RegisterEntry> find(String nameOrNumber) {
        String wanted = nameOrNumber.strip();
        return certified().stream().filter(entry -> entry.number().equals(wanted) || entry.name().equals(wanted))
                .findFirst();
    }

    /** The broken rule, "所在认定孵化器：…", or null when the value is empty or in the register. */
    String problem(Object value) {
        if (value == null || value.toString().isBlank() || find(value.toString()).isPresent()) {
            return null;
        }
        List<String> names = certified().stream().map(RegisterEntry::name).limit(OFFERED).toList();
        return "所在认定孵化器：“" + value.toString().strip() + "”不是孵化器登记册中有效的认定孵化器"
                + (names.isEmpty() ? "，登记册中暂无有效的认定孵化器" : "，可填写：" + String.join("、", names));
    }

    /**
     * Task listener at the completion of the space task: refuses an incubator not in the register
     * (beside the submission rule, so that the step itself never keeps one) and keeps the register's
     * name and number.
     */
    void record(DelegateTask task) {
        Object value = task.getVariable(NAME);
        String problem = problem(value);
        if (problem != null) {
            throw new SubmissionRefused(task.getName(), List.of(problem));
        }
        Optional<RegisterEntry> entry = value == null || value.toString().isBlank() ? Optional.empty()
                : find(value.toString());
        task.getExecution().setVariable(NAME, entry.map(RegisterEntry::name).orElse(null));
        task.getExecution().setVariable(CERTIFICATE_NUMBER, entry.map(RegisterEntry::number).orElse(null));
    }
}
