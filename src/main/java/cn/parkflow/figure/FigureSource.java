package cn.parkflow.figure;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A figure a process keeps in its own register, offered to other processes by code without
 * exposing the register: e.g. {@code HIGH_QUALITY_INCUBATORS} for a year. A reader collects every
 * {@code FigureSource} bean and asks the one that {@link #codes() declares} the code.
 */
public interface FigureSource {

    /** The figure codes this source measures. */
    Set<String> codes();

    /** The figure {@code code} for {@code year}, as the register holds it today. */
    BigDecimal valueFor(String code, int year);
}
