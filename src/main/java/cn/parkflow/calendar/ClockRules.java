package cn.parkflow.calendar;

/** Input checks for statutory clocks; each message names the field, as our REST errors do. */
final class ClockRules {

    static final int MAX_DAYS = 2500;
    private static final int MAX_TEXT = 200;
    private static final int MAX_NAME = 64;

    private ClockRules() {
    }

    static void require(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": 不能为空");
        }
    }

    static void requireDays(String field, int days) {
        requireRange(field, days, 1);
    }

    static void requireRange(String field, int days, int min) {
        if (days < min || days > MAX_DAYS) {
            throw new IllegalArgumentException(field + ": 天数必须在 " + min + " 至 " + MAX_DAYS + " 之间");
        }
    }

    static void requireText(String field, String value) {
        requireLength(field, value, MAX_TEXT);
    }

    static void requireName(String field, String value) {
        requireLength(field, value, MAX_NAME);
    }

    private static void requireLength(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": 不能为空");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + ": 不能超过 " + max + " 个字符");
        }
    }
}
