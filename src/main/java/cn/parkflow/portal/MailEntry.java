package cn.parkflow.portal;

import cn.parkflow.notification.CaseMails.CaseMail;

/** A mail about the case as the case page lists it. */
record MailEntry(String writtenAt, String recipient, String subject, String state) {

    static MailEntry of(CaseMail mail) {
        return new MailEntry(PortalCases.format(mail.writtenAt()), mail.recipient(), mail.subject(), mail.state());
    }
}
