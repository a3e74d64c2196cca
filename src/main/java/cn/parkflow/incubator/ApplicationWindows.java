package cn.parkflow.incubator;

import cn.parkflow.calendar.EngineClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The calls for applications (申报通知) that {@code stc} opens; an application outside them is refused. */
@Service
@Transactional
class ApplicationWindows {

    private static final String COLUMNS = "id, title, opens_on, closes_on, opened_by";

    private final JdbcClient jdbc;

    ApplicationWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<ApplicationWindow> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incubator_application_window ORDER BY opens_on, id")
                .query(ApplicationWindows::toWindow).list();
    }

    /** Empty when applications are accepted on {@code day}; else the Chinese sentence naming the next or last window. */
    @Transactional(readOnly = true)
    Optional<String> refusalOn(LocalDate day) {
        return ApplicationWindow.refusal(all(), day);
    }

    /**
     * Opens a window; every broken rule is named with its field (closes before it opens, opens in
     * the past, overlaps another window) and nothing is stored.
     */
    ApplicationWindow open(NewApplicationWindow window, String openedBy, LocalDate today) {
        List<String> errors = new ArrayList<>();
        if (window.opensOn().isBefore(today)) {
            errors.add("opensOn: 开始日期不能早于今天（" + today + "）");
        }
        if (window.closesOn().isBefore(window.opensOn())) {
            errors.add("closesOn: 截止日期不能早于开始日期");
        } else {
            all().stream().filter(other -> other.overlaps(window.opensOn(), window.closesOn())).findFirst()
                    .ifPresent(other -> errors.add("opensOn: 申报时间与已发布的申报通知「" + other.title() + "」（"
                            + other.opensOn() + " 至 " + other.closesOn() + "）重叠"));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO incubator_application_window (title, opens_on, closes_on, opened_by, opened_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(window.title().trim(), window.opensOn(), window.closesOn(), openedBy,
                        OffsetDateTime.ofInstant(EngineClock.now(), EngineClock.ZONE))
                .update(keys, "id");
        return new ApplicationWindow(keys.getKeyAs(Long.class), window.title().trim(), window.opensOn(), window.closesOn(), openedBy);
    }

    private static ApplicationWindow toWindow(ResultSet rs, int row) throws SQLException {
        return new ApplicationWindow(rs.getLong("id"), rs.getString("title"), rs.getObject("opens_on", LocalDate.class),
                rs.getObject("closes_on", LocalDate.class), rs.getString("opened_by"));
    }
}
