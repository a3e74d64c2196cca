package cn.parkflow.notification;

/** A mail as the recipient reads it: subject, plain text and HTML alternative. */
record RenderedMail(String subject, String text, String html) {
}
