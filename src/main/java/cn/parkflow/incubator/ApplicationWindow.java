package cn.parkflow.incubator;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A call for applications (申报通知): applications are accepted from {@code opensOn} to
 * {@code closesOn}, both business days in Asia/Shanghai and both included.
 */
record ApplicationWindow(long id, String title, LocalDate opensOn, LocalDate closesOn, String openedBy) {

    static final String REFUSED = "当前不在申报期内，不予接收申请";

    boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    boolean overlaps(LocalDate from, LocalDate until) {
        return !from.isAfter(closesOn) && !until.isBefore(opensOn);
    }

    /** Empty when one of {@code windows} is open on {@code day}; else one sentence naming the next or the last window. */
    static Optional<String> refusal(List<ApplicationWindow> windows, LocalDate day) {
        if (windows.stream().anyMatch(window -> window.isOpenOn(day))) {
            return Optional.empty();
        }
        Optional<ApplicationWindow> next = windows.stream().filter(window -> window.opensOn().isAfter(day))
                .min(Comparator.comparing(ApplicationWindow::opensOn));
        if (next.isPresent()) {
            return Optional.of(REFUSED + "：下一期" + next.get().describe() + "，届时请再提交");
        }
        return Optional.of(windows.stream().max(Comparator.comparing(ApplicationWindow::closesOn))
                .map(last -> REFUSED + "：最近一期" + last.describe() + "，已于 " + chinese(last.closesOn()) + "截止，下一期申报通知尚未发布")
                .orElse(REFUSED + "：尚未发布申报通知"));
    }

    private String describe() {
        return "申报通知「" + title + "」的申报时间为 " + chinese(opensOn) + "至" + chinese(closesOn);
    }

    private static String chinese(LocalDate day) {
        return "%d年%d月%d日".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }
}
