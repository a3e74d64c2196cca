package cn.parkflow.keytask;

/** The status colour of a tracked item (DOMAIN.md §6), mildest first. */
enum Colour {

    GREEN("绿"), BLUE("蓝"), YELLOW("黄"), RED("红");

    private final String label;

    Colour(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Yellow and red call for a supervision notice. */
    boolean needsNotice() {
        return this == YELLOW || this == RED;
    }

    boolean worseThan(Colour other) {
        return ordinal() > other.ordinal();
    }
}
