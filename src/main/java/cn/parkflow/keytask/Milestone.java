package cn.parkflow.keytask;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A quarterly milestone of a task: by {@code date}, at least {@code percent} done. */
record Milestone(LocalDate date, int percent) {

    /** "2026-06-30:50;2026-09-30:80" as stored; empty for none. */
    static String format(List<Milestone> milestones) {
        return milestones.stream().map(m -> m.date() + ":" + m.percent()).collect(Collectors.joining(";"));
    }

    static List<Milestone> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(";")).map(String::trim).filter(s -> !s.isEmpty()).map(part -> {
            String[] pieces = part.split(":");
            return new Milestone(LocalDate.parse(pieces[0].trim()), Integer.parseInt(pieces[1].trim()));
        }).sorted(java.util.Comparator.comparing(Milestone::date)).toList();
    }
}
