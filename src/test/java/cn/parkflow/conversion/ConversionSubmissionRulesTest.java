package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The conversion's conditional rules without an engine: each names its field in Chinese. */
class ConversionSubmissionRulesTest {

    private final ConversionSubmissionRules rules = new ConversionSubmissionRules(
            ConversionProcessSupport.certifiedIncubators());

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"91310112MA1GC00010, true", "91310112MA1GC00017, false", "91350100M000100Y43, true",
            "91350100M000100Y4X, false"})
    void shouldCheckTheCompanyCreditCodesCheckCharacter(String code, boolean valid) {
        assertThat(rules.check(TASK_REGISTER_COMPANY, Map.of("companyCreditCode", code)))
                .isEqualTo(valid ? java.util.List.of() : java.util.List.of("统一社会信用代码：校验码不正确，请核对"));
    }

    @Test
    void shouldAskForAPartShareBetweenOneAndNinetyNinePercent() {
        Map<String, Object> v = new HashMap<>(Map.of("rightsArrangement", "OWNERSHIP_PART", "rightsShare", 100));

        assertThat(rules.check(TASK_ARRANGE_RIGHTS, v)).containsExactly("赋予的所有权比例：部分赋权时应大于0%、小于100%");
        v.put("rightsShare", 70);
        assertThat(rules.check(TASK_ARRANGE_RIGHTS, v)).isEmpty();
    }

    @Test
    void shouldNameTheManagersDepartmentAsTheInstitutionOrStc() {
        assertThat(rules.check(TASK_ASSIGN_MANAGER, Map.of(INSTITUTION, "sjtu-tto", MANAGER_DEPARTMENT, "ecnu-tto")))
                .containsExactly("技术经理人所属单位：应为本项目的高校技术转移机构或区科委");
        assertThat(rules.check(TASK_ASSIGN_MANAGER, Map.of(INSTITUTION, "sjtu-tto", MANAGER_DEPARTMENT, "stc"))).isEmpty();
    }

    @Test
    void shouldAskForTheCoordinationRequestWhenAHelpTopicIsChosen() {
        assertThat(rules.check(TASK_REPORT_QUARTER, Map.of("coordinationTopic", "TALENT")))
                .containsExactly("协调事项说明：必填");
        assertThat(rules.check(TASK_REPORT_QUARTER, Map.of("coordinationTopic", "NONE"))).isEmpty();
    }

    @Test
    void shouldAcceptOnlyAHostingIncubatorInTheRegisterByNameOrNumber() {
        assertThat(rules.check(TASK_PROVIDE_SPACE, Map.of(HostingIncubators.NAME, "零号湾硬科技孵化器"))).isEmpty();
        assertThat(rules.check(TASK_PROVIDE_SPACE, Map.of(HostingIncubators.NAME, " 闵科孵认〔2025〕3号"))).isEmpty();
        assertThat(rules.check(TASK_PROVIDE_SPACE, Map.of(HostingIncubators.NAME, ""))).isEmpty();
        assertThat(rules.check(TASK_PROVIDE_SPACE, Map.of())).isEmpty();

        assertThat(rules.check(TASK_PROVIDE_SPACE, Map.of(HostingIncubators.NAME, "某未认定众创空间"))).containsExactly(
                "所在认定孵化器：“某未认定众创空间”不是孵化器登记册中有效的认定孵化器，可填写：零号湾硬科技孵化器");
    }
}
