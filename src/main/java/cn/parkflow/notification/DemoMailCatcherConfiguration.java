package cn.parkflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * In profile {@code demo} without a configured mail server, mail goes to the in-process
 * {@link DemoMailCatcher}. Setting {@code spring.mail.host} (e.g. a test's GreenMail) or
 * {@code parkflow.notification.demo-catcher.enabled=false} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoMailCatcherConfiguration.Enabled.class)
class DemoMailCatcherConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoMailCatcherConfiguration.class);

    @Bean(destroyMethod = "stop")
    DemoMailCatcher demoMailCatcher(NotificationProperties properties) {
        DemoMailCatcher catcher = new DemoMailCatcher(properties.demoCatcher().port());
        log.info("Demo mail catcher listening on 127.0.0.1:{}; read caught mail at /api/admin/demo-mail (admin)",
                catcher.port());
        return catcher;
    }

    @Bean
    JavaMailSenderImpl demoMailSender(DemoMailCatcher catcher) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(catcher.port());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    static class Enabled implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            return environment.acceptsProfiles(Profiles.of("demo"))
                    && !environment.containsProperty("spring.mail.host")
                    && environment.getProperty("parkflow.notification.demo-catcher.enabled", Boolean.class, true);
        }
    }
}
