package cn.parkflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese locale files against the English ones inside the Camunda webjar on the classpath:
 * a Camunda upgrade that adds, renames or removes a key fails the build and names the keys.
 */
class ZhLocaleCoverageTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|\\{}");
    /** English plural suffixes ("instance" + "s"); Chinese has no plural, so they are empty. */
    private static final Set<String> EMPTY_ON_PURPOSE =
            Set.of("PLGN_BATCH_S", "PLGN_MIG_S", "PLGN_MOD_DIALOG_S", "PLGN_MOD_RESTART_DIALOG_S");
    /** A product name and a date pattern read the same in both languages. */
    private static final Set<String> SAME_ON_PURPOSE =
            Set.of("AUTHORIZATION_OPTIMIZE", "PLGN_BTCH_SET_REMOVAL_TIME_ABSOLUTE_PLACEHOLDER");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void shouldTranslateEveryKeyOfTheWebjarsEnglishLocale(String app) {
        Map<String, String> english = WebappLocales.labels(WebappLocales.webjarEnglish(app));
        Map<String, String> chinese = WebappLocales.labels(WebappLocales.chinese(app));

        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(chinese.keySet());
        Set<String> obsolete = new TreeSet<>(chinese.keySet());
        obsolete.removeAll(english.keySet());
        assertThat(missing).as("%s: keys of the webjar's en.json missing from our zh.json", app).isEmpty();
        assertThat(obsolete).as("%s: keys of our zh.json that the webjar's en.json no longer has", app).isEmpty();

        List<String> problems = new ArrayList<>();
        english.forEach((key, en) -> {
            String zh = chinese.get(key);
            if (!placeholders(en).equals(placeholders(zh))) {
                problems.add(key + ": placeholders " + placeholders(en) + " became " + placeholders(zh));
            }
            if (zh.isBlank() && !en.isBlank() && !EMPTY_ON_PURPOSE.contains(key)) {
                problems.add(key + ": empty");
            }
            if (zh.equals(en) && en.matches("(?s).*[a-z]{2}.*") && !SAME_ON_PURPOSE.contains(key)) {
                problems.add(key + ": still English \"" + en + "\"");
            }
        });
        assertThat(problems).as("%s: translations that lose a placeholder, are empty or still English", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void shouldDefineEveryDateLocaleEntryWithIsoDates(String app) {
        JsonNode english = WebappLocales.webjarEnglish(app).path("dateLocales");
        JsonNode chinese = WebappLocales.chinese(app).path("dateLocales");

        assertThat(missingPaths(english, chinese, "")).as("%s: dateLocales entries missing", app).isEmpty();
        assertThat(chinese.path("longDateFormat").path("LLL").asText()).isEqualTo("YYYY-MM-DD HH:mm");
        assertThat(chinese.path("longDateFormat").path("L").asText()).isEqualTo("YYYY-MM-DD");
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replaceAll("\\s", ""));
        }
        Collections.sort(found);
        return found;
    }

    private static List<String> missingPaths(JsonNode english, JsonNode chinese, String path) {
        List<String> missing = new ArrayList<>();
        if (english.isObject()) {
            for (Iterator<String> names = english.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                missing.addAll(missingPaths(english.get(name), chinese.path(name), path + "/" + name));
            }
        } else if (english.isArray() && english.size() != chinese.size()) {
            missing.add(path + " (" + english.size() + " entries)");
        } else if (chinese.isMissingNode()) {
            missing.add(path);
        }
        return missing;
    }
}
