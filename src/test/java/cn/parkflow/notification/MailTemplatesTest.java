package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();
    private final Map<String, String> model = Map.of(
            "caseNumber", "IP-2026-00017", "caseTitle", "商标侵权纠纷", "step", "受理审查",
            "deadline", "2026年3月9日 17:30", "link", "https://parkflow.test/camunda/app/tasklist/default/#/?task=t-1",
            "outcome", "准予认定", "levelLabel", "黄色预警", "levelHeadline", "已逾期", "levelMessage", "请尽快办理");

    @ParameterizedTest
    @ValueSource(strings = {"task-created", "task-assigned", "case-accepted", "supplement-requested", "decision",
            "certificate-issued", "case-closed", "deadline-reminder"})
    void shouldNameCaseStepDeadlineAndLinkInEveryStandardTemplate(String id) {
        RenderedMail mail = templates.render(id, model);

        assertThat(mail.subject()).contains("IP-2026-00017").doesNotContain("{{");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("IP-2026-00017", "受理审查", "2026年3月9日 17:30",
                    "https://parkflow.test/camunda/app/tasklist/default/#/?task=t-1").doesNotContain("{{");
        }
        assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">");
        assertThat(mail.text()).contains("本邮件由系统自动发送");
    }

    @Test
    void shouldRenderTheRedSupervisionMailWithTheCaseItsLimitAndTheExpiredDeadline() {
        // the model as statutory-clock.bpmn hands it to sendMail, completed from the case
        RenderedMail mail = templates.render("statutory-deadline-expired", Map.of("caseNumber", "INC-2026-0001",
                "caseTitle", "零号湾创新孵化器认定申请", "departmentName", "区科委（园区管理办公室）",
                "statutoryLimit", "30 个工作日", "deadline", MailModel.format(java.util.Date.from(
                        java.time.ZonedDateTime.parse("2026-10-09T17:30+08:00[Asia/Shanghai]").toInstant())),
                "step", "法定时限届满督办", "link", "https://parkflow.test/api/cases/INC-2026-0001"));

        assertThat(mail.subject()).isEqualTo("【红色督办】法定办理期限已届满（INC-2026-0001）");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("红色督办", "INC-2026-0001", "零号湾创新孵化器认定申请", "区科委（园区管理办公室）",
                    "30 个工作日", "2026年10月9日 17:30", "https://parkflow.test/api/cases/INC-2026-0001")
                    .doesNotContain("{{", "—");
        }
        assertThat(mail.text()).contains("截止时间：2026年10月9日 17:30");
    }

    @Test
    void shouldShowOptionalSectionsOnlyWhenTheValueIsThere() {
        String without = templates.render("supplement-requested", model).text();
        String with = templates.render("supplement-requested", with("reason", "请补充近三年火炬统计报表")).text();

        assertThat(without).doesNotContain("补正要求");
        assertThat(with).contains("补正要求：请补充近三年火炬统计报表");
    }

    @Test
    void shouldNameTheCertifiedTrackInTheCertificateMail() {
        // the model as incubator-certification.bpmn's Task_SendCertificate hands it to sendMail
        Map<String, String> issued = new java.util.HashMap<>(model);
        issued.putAll(Map.of("certificateNumber", "闵科孵认〔2026〕3号", "certificateKind", "转型升级孵化器"));

        RenderedMail mail = templates.render("certificate-issued", issued);

        assertThat(mail.text()).contains("证书编号：闵科孵认〔2026〕3号", "认定类别：转型升级孵化器").doesNotContain("—");
        assertThat(mail.html()).contains("认定类别", "转型升级孵化器");
        assertThat(templates.render("certificate-issued", model).text()).doesNotContain("认定类别");
    }

    @Test
    void shouldEscapeValuesInHtmlButNotInPlainText() {
        RenderedMail mail = templates.render("decision", with("reason", "材料<不全> & 逾期"));

        assertThat(mail.html()).contains("材料&lt;不全&gt; &amp; 逾期").doesNotContain("<不全>");
        assertThat(mail.text()).contains("材料<不全> & 逾期");
    }

    @Test
    void shouldShowADashForAMissingValue() {
        RenderedMail mail = templates.render("task-created", Map.of("caseNumber", "INC-2026-0001"));

        assertThat(mail.subject()).isEqualTo("【园区案件】待办任务：—（INC-2026-0001）");
    }

    @Test
    void shouldRejectAnUnknownTemplate() {
        assertThatThrownBy(() -> templates.render("no-such-template", model))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-template");
    }

    private Map<String, String> with(String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(model);
        copy.put(key, value);
        return copy;
    }
}
