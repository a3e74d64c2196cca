package cn.parkflow.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules written in our Camunda Forms, as the server checks them. */
class FormRulesTest {

    private final FormRules rules = new FormRules();

    @Test
    void shouldNameTheFieldOfEveryBrokenRule() {
        Map<String, Object> values = new HashMap<>(Map.of("scoreCapability", 101, "scoreEffectiveness", -1,
                "scoreSustainability", "八十", "expertComment", "短"));
        assertThat(rules.violations("incubator-expert-score", values)).containsExactlyInAnyOrder(
                "服务能力：不能大于100", "服务成效：不能小于0", "可持续发展：应为数字", "创新服务：必填", "评审意见：至少10个字");
    }

    @Test
    void shouldAcceptOnlyTheOptionsOfAChoiceAndSkipReadOnlyContext() {
        Map<String, Object> values = new HashMap<>(Map.of("formalCheckResult", "MAYBE", "caseNumber", ""));
        assertThat(rules.violations("incubator-formal-check", values)).containsExactly("审查结论：不是可选的值（MAYBE）");
    }

    @Test
    void shouldRequireATickedCheckboxAndMatchPatterns() {
        Map<String, Object> values = new HashMap<>(Map.of("supplementNote", "已补正全部材料", "supplementConfirmed", false));
        assertThat(rules.violations("incubator-supplement", values)).containsExactly("已按补正要求上传全部补正材料：必须勾选");
        assertThat(rules.violations("incubator-change-report", Map.of("certificateNumber", "2026-3",
                "changeType", "SITE", "changeDate", "2026-03-01", "changeDescription", "孵化场地整体搬迁至新址")))
                .containsExactly("认定证书编号：格式不正确");
    }

    @Test
    void shouldSummariseTheChoicesOfAStepForTheAuditTrail() {
        assertThat(rules.choices("incubator-certification-decision", Map.of("certificationDecision", "REJECT",
                "decisionReason", "名额已满"))).isEqualTo("认定决定：不予认定");
    }
}
