package cn.parkflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Chooses the mail port: SMTP through the configured {@code spring.mail.*} server (or the demo
 * catcher). Without a mail server, profile {@code prod} refuses to start; elsewhere mail waits in
 * the outbox (PENDING, with the reason) until one is configured.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);
    static final String NO_SERVER = "未配置邮件服务器（spring.mail.host）";

    @Bean
    MailPort mailPort(ObjectProvider<JavaMailSender> senders, NotificationProperties properties,
                      Environment environment) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender != null) {
            return new SmtpMailAdapter(sender, properties);
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("Profile prod needs a mail server: set spring.mail.host "
                    + "(SPRING_MAIL_HOST), spring.mail.port and, if required, spring.mail.username/password");
        }
        log.warn("No mail server configured (spring.mail.host): notifications stay PENDING in the outbox");
        return () -> new MailPort.Session() {
            @Override
            public void send(OutgoingMail mail) throws DeliveryException {
                throw new DeliveryException(DeliveryException.Kind.UNREACHABLE, NO_SERVER, null);
            }

            @Override
            public void close() {
            }
        };
    }
}
