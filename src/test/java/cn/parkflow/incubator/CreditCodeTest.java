package cn.parkflow.incubator;

import cn.parkflow.form.UnifiedCreditCode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 check character of the 统一社会信用代码. */
class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L"})
    void shouldAcceptPublishedCodes(String code) {
        assertThat(UnifiedCreditCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y44", // wrong check character
            "91350100M000100Y4",  // 17 characters
            "91350100M000100I43", // I is not in the character set
            "91350100m000100Y43", // lower case
            "913501000000000000000"})
    void shouldRejectMalformedCodes(String code) {
        assertThat(UnifiedCreditCode.isValid(code)).isFalse();
    }
}
