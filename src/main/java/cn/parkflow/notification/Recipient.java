package cn.parkflow.notification;

/**
 * One resolved recipient: the id it was asked for (user id, department code or address) and the
 * address the mail goes to, or the reason there is none.
 */
record Recipient(String id, String address, String problem) {

    static Recipient to(String id, String address) {
        return new Recipient(id, address, null);
    }

    static Recipient unresolved(String id, String problem) {
        return new Recipient(id, null, problem);
    }

    boolean resolved() {
        return address != null;
    }
}
