package cn.parkflow.incubator;

import cn.parkflow.figure.FigureSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action plan's incubator targets as the certificate register counts them (task 10: 1–2
 * high-quality incubators, at least 10 upgraded ones): certificates of the track, not revoked, valid
 * on some day of the year. Offered to the key-task indicators through the kernel's
 * {@link FigureSource}, so no one reports them by hand.
 */
@Component
@Transactional(readOnly = true)
class IncubatorFigures implements FigureSource {

    static final String HIGH_QUALITY_INCUBATORS = "HIGH_QUALITY_INCUBATORS";
    static final String UPGRADED_INCUBATORS = "UPGRADED_INCUBATORS";
    private static final Map<String, Track> TRACKS = Map.of(HIGH_QUALITY_INCUBATORS, Track.HIGH_QUALITY,
            UPGRADED_INCUBATORS, Track.UPGRADE);

    private final JdbcClient jdbc;

    IncubatorFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> codes() {
        return TRACKS.keySet();
    }

    @Override
    public BigDecimal valueFor(String code, int year) {
        return count(code, LocalDate.of(year, 12, 31));
    }

    /** Certificates valid on some day of the year up to {@code day}: the register's own history by quarter. */
    @Override
    public BigDecimal valueUpTo(String code, LocalDate day) {
        return count(code, day);
    }

    private BigDecimal count(String code, LocalDate upTo) {
        Track track = TRACKS.get(code);
        if (track == null) {
            throw new IllegalArgumentException("孵化器登记册不提供指标：" + code);
        }
        long count = jdbc.sql("SELECT COUNT(*) FROM incubator_certificate WHERE track = ? AND status = ? "
                        + "AND valid_from <= ? AND valid_until >= ?")
                .params(track.name(), Certificate.VALID, upTo, LocalDate.of(upTo.getYear(), 1, 1))
                .query(Long.class).single();
        return BigDecimal.valueOf(count);
    }
}
