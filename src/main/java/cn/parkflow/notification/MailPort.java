package cn.parkflow.notification;

/** Sends one mail now, or says why not and whether trying again could help. */
interface MailPort {

    void send(OutgoingMail mail) throws DeliveryException;
}
