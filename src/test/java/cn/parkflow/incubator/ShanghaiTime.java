package cn.parkflow.incubator;

import cn.parkflow.calendar.EngineClock;
import java.time.LocalDateTime;
import java.util.Date;

/** Moments in the tests, written as Shanghai local time: {@code at("2026-10-13T17:30:00")}. */
final class ShanghaiTime {

    private ShanghaiTime() {
    }

    static Date at(String isoLocalDateTime) {
        return Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(EngineClock.ZONE).toInstant());
    }
}
