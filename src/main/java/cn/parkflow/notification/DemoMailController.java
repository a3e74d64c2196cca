package cn.parkflow.notification;

import cn.parkflow.security.CurrentUser;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo profile: what the in-process mail catcher received, newest first, and each mail's HTML as
 * the recipient would see it. Answers 404 when the catcher is off (a real mail server is set).
 */
@RestController
@RequestMapping("/api/admin/demo-mail")
class DemoMailController {

    private final ObjectProvider<DemoMailCatcher> catcher;

    DemoMailController(ObjectProvider<DemoMailCatcher> catcher) {
        this.catcher = catcher;
    }

    @GetMapping
    List<DemoMailCatcher.CaughtMail> list(@RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        NotificationController.requireAdmin(user);
        return catcher().mails();
    }

    @GetMapping(value = "/{index}", produces = MediaType.TEXT_HTML_VALUE)
    String html(@PathVariable int index, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        NotificationController.requireAdmin(user);
        return catcher().html(index).orElseThrow(() ->
                NotificationController.problem(HttpStatus.NOT_FOUND, "演示邮箱中没有第 " + index + " 封邮件"));
    }

    private DemoMailCatcher catcher() {
        DemoMailCatcher current = catcher.getIfAvailable();
        if (current == null) {
            throw NotificationController.problem(HttpStatus.NOT_FOUND,
                    "演示邮件捕获未启用（仅在 demo 配置且未设置 spring.mail.host 时启用）");
        }
        return current;
    }
}
