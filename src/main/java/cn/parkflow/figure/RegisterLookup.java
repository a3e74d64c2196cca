package cn.parkflow.figure;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A register one process keeps (e.g. the certified incubators, {@code CERTIFIED_INCUBATORS}),
 * offered to other processes by code without exposing the register: a reader collects every
 * {@code RegisterLookup} bean and asks the one that {@link #registers() declares} the code, so that
 * it can check a name or number against the register and keep the entry's number.
 */
public interface RegisterLookup {

    /** The register codes this lookup answers for. */
    Set<String> registers();

    /** The entries of {@code register} valid on {@code day}, in the register's order. */
    List<RegisterEntry> validOn(String register, LocalDate day);

    /**
     * An entry of a register: its number (e.g. 闵科孵认〔2026〕3号), the name it is known by and the
     * last day it is valid.
     */
    record RegisterEntry(String number, String name, LocalDate validUntil) {
    }
}
