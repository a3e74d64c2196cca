package cn.parkflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The running application and a headless Chromium (Debian's package) for the Chinese-UI browser
 * tests (skipped loudly without Chromium, see {@link ChromiumAvailable}). Screenshots for a person
 * to look at go to target/screenshots/zh, each with the list of Latin-letter words still on screen.
 */
@ExtendWith(ChromiumAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = BrowserApplication.H2)
@Tag("application")
abstract class ZhBrowserTestSupport {

    static final String FIXTURE = "zh-fixture";
    static final String PRODUCT = "园区案件管理 · Parkflow";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "zh");
    /** Latin words that belong on a Chinese screen: product, attribution, time zone, the column title "ID". */
    private static final Set<String> LATIN_ALLOWED = Set.of("Parkflow", "Camunda", "Platform", "Asia", "Shanghai", "ID");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z'-]*[A-Za-z]");
    private static final Pattern HEX_FRAGMENT = Pattern.compile("[a-f]+(-[a-f]+)*");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    ProcessEngine engine;

    interface Session {
        void run(WebappPage page) throws Exception;
    }

    /** Where this class's screenshots go. */
    Path screenshots() {
        return SCREENSHOTS;
    }

    /** A fresh browser profile per session, with the given browser language and Shanghai time. */
    void inBrowser(String language, Session session) throws Exception {
        try (Chromium browser = Chromium.start(ChromiumAvailable.binary());
             DevTools devTools = DevTools.attach(browser.port())) {
            WebappPage page = new WebappPage(devTools, "http://127.0.0.1:" + port, screenshots());
            page.emulateDesktop(language, "Asia/Shanghai");
            session.run(page);
        }
    }

    String startFixture(String businessKey) {
        String instanceId = runtime.startProcessInstanceByKey(FIXTURE, businessKey,
                Map.of("applicantName", "闵行创新孵化器")).getId();
        return tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    }

    /**
     * Every Latin-letter word on screen is either allowed or comes from data: the engine's name,
     * user ids, e-mail addresses, group names and types, variable names, deployment and resource names,
     * authorization resource ids and the engine's permission codes (READ, ACCESS, ... which Admin
     * shows as they are), process keys, business keys, fragments of generated ids.
     */
    void assertChinese(List<String> latinWords) {
        Set<String> data = new HashSet<>();
        identity.createUserQuery().list().forEach(user ->
                words(data, user.getId(), user.getEmail(), user.getFirstName(), user.getLastName()));
        identity.createGroupQuery().list().forEach(group ->
                words(data, group.getId(), group.getName(), group.getType()));
        runtime.createProcessInstanceQuery().list().forEach(instance -> words(data, instance.getBusinessKey()));
        runtime.createVariableInstanceQuery().list().forEach(variable -> words(data, variable.getName()));
        repository.createDeploymentQuery().list().forEach(deployment -> {
            words(data, deployment.getName());
            repository.getDeploymentResourceNames(deployment.getId()).forEach(name -> words(data, name));
        });
        authorizations.createAuthorizationQuery().list().forEach(grant -> words(data, grant.getResourceId()));
        Stream.of(Permissions.values(), ProcessDefinitionPermissions.values()).flatMap(Stream::of)
                .map(Permission::getName).forEach(name -> words(data, name));
        words(data, FIXTURE, engine.getName());
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
