package cn.parkflow.notification;

import cn.parkflow.casefile.DocumentContent;

/**
 * What the mail port sends: one recipient, the rendered mail, a stable Message-ID and at most one
 * attached file (a case document, e.g. the certificate PDF). When the redirect-all switch is on,
 * {@code originalTo} keeps the address the mail was meant for.
 */
record OutgoingMail(String to, String originalTo, String messageId, RenderedMail content, DocumentContent attachment) {

    OutgoingMail(String to, String originalTo, String messageId, RenderedMail content) {
        this(to, originalTo, messageId, content, null);
    }

    static OutgoingMail of(OutboxEntry entry, DocumentContent attachment) {
        return new OutgoingMail(entry.address(), null, entry.messageId(),
                new RenderedMail(entry.subject(), entry.bodyText(), entry.bodyHtml()), attachment);
    }

    /** Test and staging: everything goes to one address; the subject says whom it was for. */
    OutgoingMail redirectedTo(String address) {
        RenderedMail redirected = new RenderedMail("[原收件人 " + to + "] " + content.subject(),
                "（测试环境重定向：本邮件原发往 " + to + "）\n\n" + content.text(), content.html());
        return new OutgoingMail(address, to, messageId, redirected, attachment);
    }
}
