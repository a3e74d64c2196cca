package cn.parkflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The running application and a headless Chromium (Debian's package) for the Chinese-UI browser
 * tests. Subclasses share one Spring context. Screenshots for a person to look at go to
 * target/screenshots/zh, each with the list of Latin-letter words still on screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:zhtest;DB_CLOSE_ON_EXIT=FALSE")
abstract class ZhBrowserTestSupport {

    static final String FIXTURE = "zh-fixture";
    static final String PRODUCT = "园区案件管理 · Parkflow";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "zh");
    /** Latin words that belong on a Chinese screen: product, attribution, time zone, the column title "ID". */
    private static final Set<String> LATIN_ALLOWED = Set.of("Parkflow", "Camunda", "Platform", "Asia", "Shanghai", "ID");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z'-]*[A-Za-z]");
    private static final Pattern HEX_FRAGMENT = Pattern.compile("[a-f]+(-[a-f]+)*");
    private static Path chromium;

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    interface Session {
        void run(WebappPage page) throws Exception;
    }

    @BeforeAll
    static void findOrInstallChromium() throws Exception {
        Optional<Path> binary = Chromium.find();
        if (binary.isEmpty() && Chromium.mayInstall()) {
            if (!Chromium.install()) {
                throw new AssertionError("CI: could not install Chromium from Debian's packages, see " + Chromium.INSTALL_LOG);
            }
            binary = Chromium.find();
        }
        if (binary.isEmpty()) {
            String message = "SKIPPED: the Chinese webapp browser tests need Debian's chromium package. "
                    + "Install it (apt-get install chromium fonts-wqy-microhei) or run as root with CI=true.";
            System.err.println("\n" + "!".repeat(100) + "\n!!! " + message + "\n" + "!".repeat(100) + "\n");
            Assumptions.abort(message);
        }
        chromium = binary.get();
    }

    /** A fresh browser profile per session, with the given browser language and Shanghai time. */
    void inBrowser(String language, Session session) throws Exception {
        try (Chromium browser = Chromium.start(chromium); DevTools devTools = DevTools.attach(browser.port())) {
            WebappPage page = new WebappPage(devTools, "http://127.0.0.1:" + port, SCREENSHOTS);
            page.emulateDesktop(language, "Asia/Shanghai");
            session.run(page);
        }
    }

    String startFixture(String businessKey) {
        String instanceId = runtime.startProcessInstanceByKey(FIXTURE, businessKey).getId();
        return tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    }

    /**
     * Every Latin-letter word on screen is either allowed or comes from data (user ids, e-mail
     * addresses, group names, process keys, business keys, fragments of generated ids).
     */
    void assertChinese(List<String> latinWords) {
        Set<String> data = new HashSet<>();
        identity.createUserQuery().list().forEach(user ->
                words(data, user.getId(), user.getEmail(), user.getFirstName(), user.getLastName()));
        identity.createGroupQuery().list().forEach(group -> words(data, group.getId(), group.getName()));
        runtime.createProcessInstanceQuery().list().forEach(instance -> words(data, instance.getBusinessKey()));
        words(data, FIXTURE);
        assertThat(latinWords).as("words still in English on screen (see target/screenshots/zh/*.latin.txt)")
                .filteredOn(word -> !LATIN_ALLOWED.contains(word) && !data.contains(word)
                        && !HEX_FRAGMENT.matcher(word).matches())
                .isEmpty();
    }

    private static void words(Set<String> into, String... texts) {
        Stream.of(texts).filter(text -> text != null).forEach(text -> {
            Matcher matcher = LATIN_WORD.matcher(text);
            while (matcher.find()) {
                into.add(matcher.group());
            }
        });
    }
}
