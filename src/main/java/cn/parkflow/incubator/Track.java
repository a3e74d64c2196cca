package cn.parkflow.incubator;

import java.util.Arrays;

/**
 * The tracks of incubator certification (DOMAIN.md §3, action plan task 10). The plan counts them
 * apart: 1–2 high-quality incubators, at least 10 upgraded ones; an upgrade is its own certificate,
 * never a high-quality one.
 */
enum Track {

    HIGH_QUALITY("高质量孵化器"),
    CULTIVATION("高质量培育孵化器"),
    CITY_CARRIER("市级载体入库"),
    UPGRADE("转型升级孵化器");

    private final String label;

    Track(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The Chinese label of a stored code; an unknown code is shown as it is. */
    static String labelOf(String code) {
        return Arrays.stream(values()).filter(track -> track.name().equals(code)).findFirst()
                .map(Track::label).orElse(code);
    }
}
