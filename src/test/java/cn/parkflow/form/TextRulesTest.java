package cn.parkflow.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"零\u200b号", "零\u202e号", "零\u2066号", "零\u0000号", "零\u0007号", "零\ud800号", "零\udc00号",
            "\ufeff零号", "零\u2028号", "零\u0085号"})
    void shouldRefuseInvisibleControlAndBrokenCharacters(String text) {
        assertThat(TextRules.problem(text)).isNotNull().containsPattern("\\p{IsHan}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"零号湾创新孵化器", "第一行\n第二行\t制表", "😀 emoji", "Zhangjiang Hi-tech Park", "𠀀 (扩展B)"})
    void shouldAcceptOrdinaryText(String text) {
        assertThat(TextRules.problem(text)).isNull();
    }

    @Test
    void shouldTreatUnicodeSpacesAsBlank() {
        assertThat(TextRules.normalize("\u3000")).isEmpty();
        assertThat(TextRules.normalize("\u00a0 \u3000\n")).isEmpty();
        assertThat(TextRules.isBlank("\u3000")).isTrue();
        assertThat(TextRules.isBlank("零")).isFalse();
    }

    @Test
    void shouldKeepTextInNfc() {
        assertThat(TextRules.normalize("e\u0301")).isEqualTo("\u00e9");
    }

    @Test
    void shouldLimitLengthInCharactersNotUtf16Units() {
        assertThat(TextRules.problem("𠀀".repeat(TextRules.MAX_LENGTH))).isNull();
        assertThat(TextRules.problem("意".repeat(TextRules.MAX_LENGTH + 1))).contains("不能超过4000个字");
    }
}
