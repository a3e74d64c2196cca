package cn.parkflow.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One browser tab on the Camunda webapps, with the few gestures the Chinese-UI test needs. */
final class WebappPage {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Every word in Latin letters a user can see: rendered text nodes and visible placeholders. */
    private static final String VISIBLE_LATIN_WORDS = """
            (() => {
              const words = new Set();
              const add = (text) => (text.match(/[A-Za-z][A-Za-z'-]*[A-Za-z]/g) || []).forEach(w => words.add(w));
              const shown = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const el = node.parentElement;
                if (el && !el.closest('script,style,noscript') && shown(el)) { add(node.data); }
              }
              document.querySelectorAll('input[placeholder],textarea[placeholder]').forEach(el => { if (shown(el)) add(el.placeholder); });
              return [...words].sort();
            })()""";

    private final DevTools devTools;
    private final String baseUrl;
    private final Path screenshots;

    WebappPage(DevTools devTools, String baseUrl, Path screenshots) {
        this.devTools = devTools;
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
    }

    /** Browser and HTTP language (e.g. zh-CN: navigator.languages and Accept-Language) and time zone. */
    void emulateDesktop(String language, String timeZone) {
        String userAgent = devTools.evaluate("navigator.userAgent").asText();
        devTools.call("Emulation.setUserAgentOverride", Map.of("userAgent", userAgent, "acceptLanguage", language));
        devTools.call("Emulation.setLocaleOverride", Map.of("locale", language));
        devTools.call("Emulation.setTimezoneOverride", Map.of("timezoneId", timeZone));
        devTools.call("Runtime.enable", Map.of());
    }

    /** The size of a laptop screen, e.g. 1366×768. */
    void viewport(int width, int height) {
        devTools.call("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    String language() {
        return devTools.evaluate("navigator.language").asText();
    }

    /** Logs in through the webapp's own login form. */
    void login(String app, String user) {
        open(app + "/default/#/login");
        waitFor("the login form of " + app, "document.querySelector('input[type=password]')");
        devTools.evaluate("""
                (() => {
                  const type = (el, value) => { el.value = value; el.dispatchEvent(new Event('input', {bubbles: true})); };
                  type(document.querySelector('input[ng-model=username]'), %s);
                  type(document.querySelector('input[type=password]'), %s);
                  document.querySelector('form button[type=submit]').click();
                  return true;
                })()""".formatted(quote(user), quote(user)));
        waitFor(user + " logged in to " + app, "!location.hash.includes('login') && document.querySelector('.brand-name')");
    }

    void open(String pathUnderApp) {
        devTools.navigate(baseUrl + "/camunda/app/" + pathUnderApp);
    }

    /** A page of ours, e.g. {@code /portal/}. */
    void openPath(String path) {
        devTools.navigate(baseUrl + path);
    }

    void waitForText(String text) {
        waitFor("the text \"" + text + "\"", "document.body && document.body.innerText.includes(" + quote(text) + ")");
    }

    /** Waits for a condition; on timeout the screen is saved as failure-*.png for whoever reads the report. */
    void waitFor(String what, String condition) {
        try {
            devTools.waitFor(what, condition, TIMEOUT);
        } catch (AssertionError timeout) {
            try {
                devTools.screenshot(screenshots.resolve("failure-" + System.currentTimeMillis() + ".png"));
            } catch (IOException | RuntimeException e) {
                timeout.addSuppressed(e);
            }
            throw timeout;
        }
    }

    /** Clicks the first visible element matching the selector whose text is exactly the given text. */
    void click(String selector, String text) {
        waitFor("a " + selector + " reading \"" + text + "\"", visible(selector, text));
        devTools.evaluate(visible(selector, text) + ".click()");
    }

    /**
     * Types into the element the expression finds as a person would: focused, then the text inserted
     * by the browser itself, so the page's own input handlers see it, then left.
     */
    void type(String element, String text) {
        waitFor("an enabled field to type into", "(() => { const e = " + element + "; return e && !e.disabled; })()");
        devTools.evaluate(element + ".focus()");
        devTools.call("Input.insertText", java.util.Map.of("text", text));
        // leaving the field flushes what Camunda Forms holds back (it debounces typing)
        devTools.evaluate(element + ".blur()");
    }

    /** Clicks the element the expression finds with the mouse, at its centre, as a person does (mousedown, mouseup, click). */
    void press(String element) {
        waitFor("a visible element to press", "(() => { const e = " + element + "; return e && e.getClientRects().length > 0; })()");
        JsonNode centre = devTools.evaluate("(() => { const e = " + element + "; e.scrollIntoView({block: 'center'});"
                + " const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()");
        double x = centre.get(0).asDouble();
        double y = centre.get(1).asDouble();
        devTools.call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
        devTools.call("Input.dispatchMouseEvent", Map.of("type", "mousePressed", "x", x, "y", y, "button", "left", "clickCount", 1));
        devTools.call("Input.dispatchMouseEvent", Map.of("type", "mouseReleased", "x", x, "y", y, "button", "left", "clickCount", 1));
    }

    JsonNode evaluate(String expression) {
        return devTools.evaluate(expression);
    }

    String bodyText() {
        return devTools.evaluate("document.body.innerText").asText();
    }

    /** Saves a screenshot and, beside it, the Latin-letter words still visible on the screen. */
    List<String> screenshot(String name) throws IOException {
        devTools.screenshot(screenshots.resolve(name + ".png"));
        List<String> latin = new ArrayList<>();
        devTools.evaluate(VISIBLE_LATIN_WORDS).forEach(word -> latin.add(word.asText()));
        Files.writeString(screenshots.resolve(name + ".latin.txt"), String.join("\n", latin) + "\n", StandardCharsets.UTF_8);
        return latin;
    }

    private static String visible(String selector, String text) {
        return "[...document.querySelectorAll(" + quote(selector) + ")].find(el => el.getClientRects().length > 0"
                + " && el.innerText.trim() === " + quote(text) + ")";
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
