package cn.parkflow.incubator;

import cn.parkflow.figure.RegisterLookup;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The certificate register as other processes may read it (kernel {@link RegisterLookup}): the
 * incubators certified, not revoked and valid on a day, by certificate number and incubator name.
 * A landed conversion project names its hosting incubator from it.
 */
@Component
class IncubatorRegisterLookup implements RegisterLookup {

    static final String CERTIFIED_INCUBATORS = "CERTIFIED_INCUBATORS";

    private final CertificateRegister register;

    IncubatorRegisterLookup(CertificateRegister register) {
        this.register = register;
    }

    @Override
    public Set<String> registers() {
        return Set.of(CERTIFIED_INCUBATORS);
    }

    @Override
    public List<RegisterEntry> validOn(String code, LocalDate day) {
        if (!CERTIFIED_INCUBATORS.equals(code)) {
            throw new IllegalArgumentException("孵化器登记册不提供登记册：" + code);
        }
        return register.validOn(day).stream()
                .map(certificate -> new RegisterEntry(certificate.number(), certificate.incubatorName(),
                        certificate.validUntil()))
                .toList();
    }
}
