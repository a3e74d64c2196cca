package cn.parkflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HolidayYearRepository {

    static final String ORIGIN_FILE = "FILE";
    static final String ORIGIN_ADMIN = "ADMIN";
    private static final String HOLIDAY = "HOLIDAY";
    private static final String MAKE_UP = "MAKE_UP";

    private final JdbcClient jdbc;

    HolidayYearRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Year → revision: cheap enough to poll, and changes whenever any year's data does. */
    Map<Integer, Integer> revisions() {
        Map<Integer, Integer> revisions = new HashMap<>();
        jdbc.sql("SELECT year_number, revision FROM calendar_year")
                .query(rs -> {
                    revisions.put(rs.getInt(1), rs.getInt(2));
                });
        return revisions;
    }

    Optional<StoredYear> find(int year) {
        return jdbc.sql("SELECT year_number, notice, origin, revision, updated_by, updated_at FROM calendar_year "
                        + "WHERE year_number = ?")
                .param(year)
                .query((rs, row) -> new StoredYear(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Row-locks the year so that two admins replacing it at once queue up. */
    Optional<StoredYear> lock(int year) {
        jdbc.sql("SELECT year_number FROM calendar_year WHERE year_number = ? FOR UPDATE").param(year)
                .query(Integer.class).optional();
        return find(year);
    }

    List<HolidayYear> loadAll() {
        Map<Integer, String> notices = new HashMap<>();
        jdbc.sql("SELECT year_number, notice FROM calendar_year").query(rs -> {
            notices.put(rs.getInt(1), rs.getString(2));
        });
        Map<Integer, TreeSet<LocalDate>> holidays = new HashMap<>();
        Map<Integer, TreeSet<LocalDate>> makeUps = new HashMap<>();
        jdbc.sql("SELECT year_number, day_date, kind FROM calendar_day").query(rs -> {
            Map<Integer, TreeSet<LocalDate>> target = HOLIDAY.equals(rs.getString(3)) ? holidays : makeUps;
            target.computeIfAbsent(rs.getInt(1), y -> new TreeSet<>()).add(rs.getObject(2, LocalDate.class));
        });
        List<HolidayYear> years = new ArrayList<>();
        notices.forEach((year, notice) -> years.add(new HolidayYear(year, notice,
                holidays.getOrDefault(year, new TreeSet<>()), makeUps.getOrDefault(year, new TreeSet<>()))));
        return years;
    }

    void insert(HolidayYear year, String origin, String actor, Instant at) {
        jdbc.sql("INSERT INTO calendar_year (year_number, notice, origin, revision, updated_by, updated_at) "
                        + "VALUES (?, ?, ?, 1, ?, ?)")
                .params(year.year(), year.notice(), origin, actor, utc(at)).update();
        insertDays(year);
    }

    void replace(HolidayYear year, String origin, String actor, Instant at) {
        jdbc.sql("UPDATE calendar_year SET notice = ?, origin = ?, revision = revision + 1, updated_by = ?, "
                        + "updated_at = ? WHERE year_number = ?")
                .params(year.notice(), origin, actor, utc(at), year.year()).update();
        jdbc.sql("DELETE FROM calendar_day WHERE year_number = ?").param(year.year()).update();
        insertDays(year);
    }

    private void insertDays(HolidayYear year) {
        year.holidays().forEach(day -> insertDay(year.year(), day, HOLIDAY));
        year.makeUpWorkingDays().forEach(day -> insertDay(year.year(), day, MAKE_UP));
    }

    private void insertDay(int year, LocalDate day, String kind) {
        jdbc.sql("INSERT INTO calendar_day (day_date, year_number, kind) VALUES (?, ?, ?)")
                .params(day, year, kind).update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** Who loaded a year, when, and from where. */
    record StoredYear(int year, String notice, String origin, int revision, String updatedBy, Instant updatedAt) {
    }
}
