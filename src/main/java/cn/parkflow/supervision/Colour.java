package cn.parkflow.supervision;

/** The colour of a deadline on the board (DOMAIN.md §6): 蓝 due soon, 黄 passed, 红 passed long ago. */
enum Colour {
    BLUE("蓝"), YELLOW("黄"), RED("红");

    private final String label;

    Colour(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Accepts the code (RED) or the Chinese label (红); null for blank. */
    static Colour parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (Colour colour : values()) {
            if (colour.name().equalsIgnoreCase(value.trim()) || colour.label.equals(value.trim())) {
                return colour;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
