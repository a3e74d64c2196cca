package cn.parkflow.keytask;

import java.util.Arrays;

/** The assessment grades of a tracked item. */
enum Grade {

    EXCELLENT("优秀"), GOOD("良好"), PASS("合格"), FAIL("不合格");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static String labelOf(String code) {
        return Arrays.stream(values()).filter(g -> g.name().equals(code)).findFirst().map(Grade::label).orElse(code);
    }
}
