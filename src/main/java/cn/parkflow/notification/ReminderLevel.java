package cn.parkflow.notification;

import java.util.Locale;

/** Deadline warning colours (DOMAIN.md §6): blue before the deadline, yellow and red after it. */
enum ReminderLevel {
    BLUE("蓝色提醒", "即将到期", "该事项办理期限即将届满，请抓紧办理。", "#1f5fa8"),
    YELLOW("黄色预警", "已逾期", "该事项已超过办理期限，请尽快办理，并书面说明逾期原因和整改措施。", "#e0a800"),
    RED("红色督办", "严重逾期", "该事项已严重逾期，已报送督查部门督办，请立即办理并报告整改情况。", "#c62828");

    final String label;
    final String headline;
    final String message;
    final String colour;

    ReminderLevel(String label, String headline, String message, String colour) {
        this.label = label;
        this.headline = headline;
        this.message = message;
        this.colour = colour;
    }

    static ReminderLevel parse(Object value) {
        String text = value == null ? "" : value.toString().trim().toUpperCase(Locale.ROOT);
        try {
            return valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reminderLevel 必须是 BLUE、YELLOW 或 RED，而不是“" + value + "”");
        }
    }
}
