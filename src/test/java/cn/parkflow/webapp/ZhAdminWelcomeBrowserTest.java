package cn.parkflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admin and Welcome in Chinese; and English stays what other browsers get. */
class ZhAdminWelcomeBrowserTest extends ZhBrowserTestSupport {

    @Test
    void shouldShowAdminChineseAdminAndWelcome() throws Exception {
        Map<String, String> admin = WebappLocales.labels(WebappLocales.chinese("admin"));
        Map<String, String> welcome = WebappLocales.labels(WebappLocales.chinese("welcome"));
        inBrowser("zh-CN", page -> {
            page.login("admin", "admin");
            page.open("admin/default/#/users");
            page.waitForText(admin.get("USERS_LIST_OF_USERS"));
            page.waitForText("stc-officer");
            assertThat(page.bodyText()).contains(PRODUCT, admin.get("USERS_ADD_USER"));
            assertChinese(page.screenshot("10-admin-users"));

            page.open("admin/default/#/groups");
            page.waitForText("区科委（园区管理办公室）");
            assertChinese(page.screenshot("11-admin-groups"));

            page.open("admin/default/#/authorization?resource=0");
            page.waitForText(admin.get("AUTHORIZATION_CREATE_NEW_AUTHORIZATION"));
            assertChinese(page.screenshot("12-admin-authorizations"));

            page.open("admin/default/#/system?section=system-settings-general");
            page.waitForText(admin.get("SYSTEM_PROCESS_RUNNING"));
            assertChinese(page.screenshot("13-admin-system"));

            page.open("welcome/default/#!/welcome");
            page.waitForText(welcome.get("APPLICATIONS"));
            assertThat(page.bodyText()).contains(PRODUCT, welcome.get("COCKPIT"), welcome.get("TASKLIST"));
            assertChinese(page.screenshot("14-welcome"));
        });
    }

    @Test
    void shouldKeepEnglishForBrowsersThatDoNotAskForChinese() throws Exception {
        Map<String, String> english = WebappLocales.labels(WebappLocales.webjarEnglish("tasklist"));
        inBrowser("en-US", page -> {
            page.login("tasklist", "stc-officer");
            page.waitForText(english.get("START_PROCESS"));
            page.waitForText(english.get("SELECT_TASK_IN_LIST"));
            assertThat(page.bodyText()).contains(PRODUCT, english.get("CREATE_TASK")).doesNotContain("发起流程");
            page.screenshot("15-tasklist-english-browser");
        });
    }
}
