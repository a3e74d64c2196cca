package cn.parkflow.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationWindowTest {

    private static final ApplicationWindow SPRING = new ApplicationWindow(1, "2026年度高质量孵化器认定申报通知（闵科〔2026〕5号）",
            LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 21), "stc-officer");
    private static final ApplicationWindow AUTUMN = new ApplicationWindow(2, "2026年度第二批申报通知",
            LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 18), "stc-officer");

    @Test
    void shouldAcceptApplicationsFromTheFirstToTheLastDayOfAWindow() {
        assertThat(ApplicationWindow.refusal(List.of(SPRING, AUTUMN), LocalDate.of(2026, 4, 1))).isEmpty();
        assertThat(ApplicationWindow.refusal(List.of(SPRING, AUTUMN), LocalDate.of(2026, 4, 21))).isEmpty();
    }

    @Test
    void shouldNameTheNextWindowBeforeIt() {
        assertThat(ApplicationWindow.refusal(List.of(AUTUMN, SPRING), LocalDate.of(2026, 3, 31))).hasValue(
                "当前不在申报期内，不予接收申请：下一期申报通知「2026年度高质量孵化器认定申报通知（闵科〔2026〕5号）」"
                        + "的申报时间为 2026年4月1日至2026年4月21日，届时请再提交");
        assertThat(ApplicationWindow.refusal(List.of(SPRING, AUTUMN), LocalDate.of(2026, 4, 22)))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("下一期", "2026年9月1日至2026年9月18日"));
    }

    @Test
    void shouldNameTheLastWindowWhenNoNextOneIsAnnounced() {
        assertThat(ApplicationWindow.refusal(List.of(SPRING, AUTUMN), LocalDate.of(2026, 9, 19))).hasValue(
                "当前不在申报期内，不予接收申请：最近一期申报通知「2026年度第二批申报通知」的申报时间为 2026年9月1日至2026年9月18日，"
                        + "已于 2026年9月18日截止，下一期申报通知尚未发布");
    }

    @Test
    void shouldSayThatNoCallWasPublishedYet() {
        assertThat(ApplicationWindow.refusal(List.of(), LocalDate.of(2026, 3, 2)))
                .hasValue("当前不在申报期内，不予接收申请：尚未发布申报通知");
    }
}
