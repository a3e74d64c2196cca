package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The IP case's own mail templates rendered through the real templates, with the model as the
 * models' send tasks hand it over (MailModel completes it): no placeholder left, no value missing.
 */
class IpMailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    private static Map<String, String> completed(Map<String, Object> variables) {
        NotificationProperties properties = org.mockito.Mockito.mock(NotificationProperties.class);
        org.mockito.Mockito.when(properties.baseUrl()).thenReturn("https://parkflow.test");
        return new MailModel(org.mockito.Mockito.mock(cn.parkflow.casefile.CaseFile.class),
                org.mockito.Mockito.mock(cn.parkflow.department.DepartmentDirectory.class), properties).complete(variables);
    }

    private static Map<String, Object> caseVariables() {
        Map<String, Object> v = new HashMap<>();
        v.put("caseNumber", "IP-2026-0017");
        v.put("caseTitle", "知识产权纠纷：商标 第12345678号（被申请人：某贸易商行）");
        return v;
    }

    private static void assertComplete(RenderedMail mail) {
        assertThat(mail.subject() + mail.text() + mail.html()).doesNotContain("{{").doesNotContain("—");
    }

    @Test
    void shouldTellTheApplicantWhyTheCaseIsNotAccepted() {
        Map<String, Object> v = caseVariables();
        v.putAll(Map.of("step", "受理审查", "outcome", "不予受理", "reason", "该专利已于2025年被宣告全部无效。"));

        RenderedMail mail = templates.render("ip-not-accepted", completed(v));

        assertComplete(mail);
        assertThat(mail.subject()).contains("不予受理告知", "IP-2026-0017");
        assertThat(mail.text()).contains("理由：该专利已于2025年被宣告全部无效。", "重新提出申请");
    }

    @Test
    void shouldTellBothPartiesOfTheOtherChannelsWhenMediationEnds() {
        Map<String, Object> v = caseVariables();
        v.putAll(Map.of("step", "人民调解", "outcome", "调解不成，调解终止"));

        RenderedMail mail = templates.render("ip-mediation-ended", completed(v));

        assertComplete(mail);
        assertThat(mail.text()).contains("调解不成，调解终止", "行政执法投诉举报", "已有的办理记录继续保留");
    }

    @Test
    void shouldListTheMonthlyFiguresForAmrAndJustice() {
        Map<String, Object> v = new HashMap<>(Map.of("step", "知识产权案件月度统计", "statisticsMonth", "2026-09",
                "closedCount", 2, "onTimeCount", 1, "onTimeRate", "50%", "byIpType", "著作权 1 件；商标 1 件",
                "byChannel", "行政执法 1 件；人民调解 1 件", "byOutcome", "E01 1 件；M01 1 件"));

        RenderedMail mail = templates.render("ip-monthly-statistics", completed(v));

        assertComplete(mail);
        assertThat(mail.subject()).contains("2026-09 月度案件统计");
        assertThat(mail.text()).contains("办结案件：2 件", "按期率 50%", "著作权 1 件；商标 1 件", "E01 1 件；M01 1 件");
    }
}
