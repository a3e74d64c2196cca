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
                "step", "法定时限届满督办", "link", "https://parkflow.test/portal/cases/INC-2026-0001"));

        assertThat(mail.subject()).isEqualTo("【红色督办】法定办理期限已届满（INC-2026-0001）");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("红色督办", "INC-2026-0001", "零号湾创新孵化器认定申请", "区科委（园区管理办公室）",
                    "30 个工作日", "2026年10月9日 17:30", "https://parkflow.test/portal/cases/INC-2026-0001")
                    .doesNotContain("{{", "—");
        }
        assertThat(mail.text()).contains("截止时间：2026年10月9日 17:30");
    }

    @Test
    void shouldRenderTheYellowStallMailOfAConversionProject() {
        // the model as achievement-conversion.bpmn's stall watch hands it to sendMail
        RenderedMail mail = templates.render("conversion-stalled", Map.of("caseNumber", "CONV-2026-0003",
                "projectTitle", "柔性脑机接口电极阵列", "stalledWorkingDays", "20", "stallLastUpdate", "2026-09-14",
                "step", "停滞预警（黄色）", "deadline", "尽快填报项目进展", "link", "https://parkflow.test/api/cases/CONV-2026-0003"));

        assertThat(mail.subject()).isEqualTo("【成果转化】项目停滞预警（黄色）：柔性脑机接口电极阵列（CONV-2026-0003）");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("CONV-2026-0003", "20", "2026-09-14", "尽快填报项目进展", "区科委督办",
                    "https://parkflow.test/api/cases/CONV-2026-0003").doesNotContain("{{");
        }
    }

    /** The variables incubator-annual-evaluation hands to sendMail (certificate valid to 2027-05-31, 2025 evaluated). */
    private static Map<String, Object> annualEvaluationVariables() {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("caseNumber", "INC-2026-0001");
        variables.put("certificateNumber", "闵科孵认〔2024〕2号");
        variables.put("evaluationYear", 2025);
        variables.put("previousGrade", "");
        variables.put("applicant", "applicant1");
        variables.put("incubatorName", "零号湾创新孵化器");
        variables.put("operatorName", "上海零号湾创业服务有限公司");
        variables.put("certificateValidUntil", "2027-05-31");
        variables.put("certificateValidUntilText", "2027年5月31日");
        variables.put("reapplicationNotice", true);
        variables.put("reapplicationNoticeAt", shanghai("2027-02-28T09:00"));
        return variables;
    }

    private static java.util.Date shanghai(String localDateTime) {
        return java.util.Date.from(java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant());
    }

    /** What MailModel makes of a send task's variables (no case deadline recorded: link to the case). */
    private static Map<String, String> completed(Map<String, Object> variables) {
        NotificationProperties properties = org.mockito.Mockito.mock(NotificationProperties.class);
        org.mockito.Mockito.when(properties.baseUrl()).thenReturn("https://parkflow.test");
        return new MailModel(org.mockito.Mockito.mock(cn.parkflow.casefile.CaseFile.class),
                org.mockito.Mockito.mock(cn.parkflow.department.DepartmentDirectory.class), properties).complete(variables);
    }

    @Test
    void shouldRenderTheAnnualFilingWindowMailWithItsDeadlineInChinese() {
        Map<String, Object> variables = annualEvaluationVariables();
        variables.put("mailTemplate", "annual-filing-open");
        variables.put("step", "报送年度绩效评价材料");
        variables.put("deadline", shanghai("2026-03-19T17:30"));

        RenderedMail mail = templates.render("annual-filing-open", completed(variables));

        assertThat(mail.subject()).isEqualTo("【年度绩效评价】请于2026年3月19日 17:30前报送2025年度绩效评价材料（INC-2026-0001）");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("INC-2026-0001", "闵科孵认〔2024〕2号", "零号湾创新孵化器", "2025年度",
                    "2026年3月19日 17:30", "https://parkflow.test/portal/cases/INC-2026-0001").doesNotContain("{{", "—");
        }
        assertThat(mail.text()).contains("报送截止：2026年3月19日 17:30");
    }

    @Test
    void shouldRenderTheAnnualEvaluationResultWithGradeAndConsequence() {
        Map<String, Object> variables = annualEvaluationVariables();
        variables.put("mailTemplate", "decision");
        variables.put("step", "年度绩效评价");
        variables.put("grade", "D");
        variables.put("consequenceExplanation", "评价为D（不合格），限期整改；下一年度仍为D将撤销认定");
        variables.put("outcome", "评价等级 D：评价为D（不合格），限期整改；下一年度仍为D将撤销认定");

        RenderedMail mail = templates.render("decision", completed(variables));

        assertThat(mail.subject()).isEqualTo(
                "【园区案件】办理决定：评价等级 D：评价为D（不合格），限期整改；下一年度仍为D将撤销认定（INC-2026-0001）");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("INC-2026-0001", "年度绩效评价", "限期整改").doesNotContain("{{", "—");
        }
    }

    @Test
    void shouldRenderTheReapplicationNoticeWithTheExpiryDateInChinese() {
        Map<String, Object> variables = annualEvaluationVariables();
        variables.put("mailTemplate", "reapplication-notice");
        variables.put("step", "认定证书到期，请重新申请");
        variables.put("deadline", "2027年5月31日");

        RenderedMail mail = templates.render("reapplication-notice", completed(variables));

        assertThat(mail.subject()).isEqualTo("【认定到期提醒】孵化器认定证书将于2027年5月31日到期，请重新申请认定（INC-2026-0001）");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("INC-2026-0001", "闵科孵认〔2024〕2号", "零号湾创新孵化器", "2027年5月31日",
                    "https://parkflow.test/portal/cases/INC-2026-0001").doesNotContain("{{", "—", "2027-05-31");
        }
        assertThat(mail.text()).contains("证书有效期至：2027年5月31日");
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
    void shouldRenderTheSupervisionNoticeToTheHeadWithItsNumberLevelRuleAndDeadline() {
        // the model as key-task-supervision.bpmn hands it to sendMail, completed from the case
        RenderedMail mail = templates.render("key-task-supervision-notice", Map.of("caseNumber", "KT-2026-0006",
                "taskTitle", "打造数字经济特色产业", "noticeNumber", "闵重点督〔2026〕1号", "noticeLevelLabel", "黄色督办",
                "noticeRule", "请于7个工作日内书面说明原因并完成整改", "noticeRequirement", "季度报告逾期，请说明原因并整改。",
                "noticeDueText", "2026年10月8日", "link", "https://parkflow.test/portal/cases/KT-2026-0006"));

        assertThat(mail.subject()).isEqualTo("【黄色督办】督办单 闵重点督〔2026〕1号：打造数字经济特色产业（KT-2026-0006）");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("闵重点督〔2026〕1号", "7个工作日", "2026年10月8日", "季度报告逾期",
                    "https://parkflow.test/portal/cases/KT-2026-0006").doesNotContain("{{", "—");
        }
    }

    @Test
    void shouldRenderTheAssessmentResultWithGradeAndEligibility() {
        RenderedMail mail = templates.render("key-task-assessed", Map.of("caseNumber", "KT-2026-0004",
                "taskTitle", "打造高端创新功能平台", "gradeLabel", "优秀", "outcome", "考核等级：优秀；具备年度评优资格",
                "assessmentOpinion", "目标全面完成。", "link", "https://parkflow.test/portal/cases/KT-2026-0004"));

        assertThat(mail.subject()).contains("KT-2026-0004", "打造高端创新功能平台");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("优秀", "具备年度评优资格", "目标全面完成。").doesNotContain("{{", "—");
        }
    }

    @Test
    void shouldNameTheApprovalActionItsActorAndReason() {
        Map<String, String> returned = new java.util.HashMap<>(model);
        returned.putAll(Map.of("actionName", "退回", "actorName", "stc-head", "detail", "退回至「形式审查」：缺少租赁合同",
                "reason", "缺少租赁合同"));

        RenderedMail mail = templates.render("task-action", returned);

        assertThat(mail.subject()).isEqualTo("【园区案件】退回：受理审查（IP-2026-00017）");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("stc-head", "IP-2026-00017", "退回至「形式审查」：缺少租赁合同", "缺少租赁合同",
                    "https://parkflow.test/camunda/app/tasklist/default/#/?task=t-1").doesNotContain("{{");
        }
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
