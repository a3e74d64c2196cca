package cn.parkflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolidayYearTest {

    @Test
    void shouldAcceptAWellFormedYear() {
        HolidayYear year = HolidayYear.parse(2027, "通知", List.of("2027-01-01"), List.of("2027-01-02"));

        assertThat(year.holidays()).containsExactly(LocalDate.of(2027, 1, 1));
        assertThat(year.makeUpWorkingDays()).containsExactly(LocalDate.of(2027, 1, 2));
    }

    @Test
    void shouldRejectADateOutsideTheYearNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HolidayYear.parse(2027, null, List.of("2026-12-31"), List.of()))
                .withMessageContaining("2026-12-31").withMessageContaining("不在 2027 年内");
    }

    @Test
    void shouldRejectAMakeUpDayThatIsNotAWeekendDayNamingIt() {
        // 2027-01-04 is a Monday
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HolidayYear.parse(2027, null, List.of(), List.of("2027-01-04")))
                .withMessageContaining("2027-01-04").withMessageContaining("不是周末");
    }

    @Test
    void shouldRejectADateThatIsBothHolidayAndMakeUpDay() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HolidayYear.parse(2027, null, List.of("2027-01-02"), List.of("2027-01-02")))
                .withMessageContaining("2027-01-02 不能同时是节假日和调休上班日");
    }

    @Test
    void shouldRejectMalformedAndDuplicateDatesAndUnsupportedYears() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HolidayYear.parse(2027, null, List.of("2027-02-30", "2027-05-03", "2027-05-03"),
                        List.of()))
                .withMessageContaining("2027-02-30").withMessageContaining("2027-05-03 重复");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HolidayYear.parse(1999, null, List.of(), List.of()))
                .withMessageContaining("year");
    }
}
