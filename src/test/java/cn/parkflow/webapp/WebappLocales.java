package cn.parkflow.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The webapps' locale files on the test classpath: the webjar's English ones and our Chinese ones. */
final class WebappLocales {

    private static final String PATH = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebappLocales() {
    }

    /** en.json as shipped in the Camunda webjar (not an override of ours). */
    static JsonNode webjarEnglish(String app) {
        List<URL> found = find(app, "en");
        URL webjar = found.stream().filter(url -> url.toString().contains("camunda-webapp-webjar")).findFirst()
                .orElseThrow(() -> new AssertionError("no Camunda webjar en.json for " + app + " on the classpath: " + found));
        return read(webjar);
    }

    /** Our zh.json; exactly one may be on the classpath. */
    static JsonNode chinese(String app) {
        List<URL> found = find(app, "zh");
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one zh.json for " + app + " (ours) on the classpath: " + found);
        }
        return read(found.get(0));
    }

    static Map<String, String> labels(JsonNode locale) {
        Map<String, String> labels = new TreeMap<>();
        locale.path("labels").fields().forEachRemaining(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
        if (labels.isEmpty()) {
            throw new AssertionError("locale file without labels");
        }
        return labels;
    }

    private static List<URL> find(String app, String language) {
        try {
            return Collections.list(WebappLocales.class.getClassLoader().getResources(PATH.formatted(app, language)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(URL url) {
        try (InputStream in = url.openStream()) {
            return JSON.readTree(in); // Jackson skips the UTF-8 byte-order mark the webjar's files start with
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
