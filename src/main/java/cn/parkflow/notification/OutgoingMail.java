package cn.parkflow.notification;

/**
 * What the mail port sends: one recipient, the rendered mail and a stable Message-ID. When the
 * redirect-all switch is on, {@code originalTo} keeps the address the mail was meant for.
 */
record OutgoingMail(String to, String originalTo, String messageId, RenderedMail content) {

    static OutgoingMail of(OutboxEntry entry) {
        return new OutgoingMail(entry.address(), null, entry.messageId(),
                new RenderedMail(entry.subject(), entry.bodyText(), entry.bodyHtml()));
    }

    /** Test and staging: everything goes to one address; the subject says whom it was for. */
    OutgoingMail redirectedTo(String address) {
        RenderedMail redirected = new RenderedMail("[原收件人 " + to + "] " + content.subject(),
                "（测试环境重定向：本邮件原发往 " + to + "）\n\n" + content.text(), content.html());
        return new OutgoingMail(address, to, messageId, redirected);
    }
}
