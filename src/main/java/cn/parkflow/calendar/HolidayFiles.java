package cn.parkflow.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads the holiday files shipped in {@code src/main/resources/calendar/holidays-<year>.json}. */
final class HolidayFiles {

    static final String LOCATION = "classpath*:calendar/holidays-*.json";
    private static final Pattern NAME = Pattern.compile("holidays-(\\d{4})\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HolidayFiles() {
    }

    /** Every bundled year, checked as strictly as an admin's upload; a bad file stops start-up. */
    static List<HolidayYear> bundled() {
        List<HolidayYear> years = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                Matcher name = NAME.matcher(String.valueOf(resource.getFilename()));
                if (!name.matches()) {
                    throw new IllegalStateException("Holiday file name must be holidays-<year>.json: " + resource);
                }
                years.add(read(resource, Integer.parseInt(name.group(1))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read holiday files " + LOCATION, e);
        }
        return years;
    }

    private static HolidayYear read(Resource resource, int year) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return JSON.readValue(in, YearDocument.class).toHolidayYear(year);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Bad holiday file " + resource + ": " + e.getMessage(), e);
        }
    }
}
