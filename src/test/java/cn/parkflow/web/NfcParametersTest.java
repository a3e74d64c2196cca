package cn.parkflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Request parameters reach our controllers in NFC; a refused value reaches the refusal as sent. */
class NfcParametersTest {

    private static final String DECOMPOSED = "Cafe\u0301 张江";
    private static final String COMPOSED = "Caf\u00e9 张江";

    @Test
    void shouldHandParametersOnInNfcAndBlankAsEmpty() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
        request.addParameter("title", DECOMPOSED);
        request.addParameter("tags", DECOMPOSED, "甲");
        request.addParameter("department", "\u3000\u00a0");
        request.addParameter("Name\u0301", "x");

        HttpServletRequest seen = pass(request);

        assertThat(seen.getParameter("title")).isEqualTo(COMPOSED);
        assertThat(seen.getParameterValues("tags")).containsExactly(COMPOSED, "甲");
        assertThat(seen.getParameterMap().get("title")).containsExactly(COMPOSED);
        assertThat(seen.getParameter("department")).isEmpty();
        assertThat(Collections.list(seen.getParameterNames())).contains("Nam\u00e9").doesNotContain("Name\u0301");
        assertThat(seen.getParameter("missing")).isNull();
        assertThat(seen.getParameterValues("missing")).isNull();
    }

    @Test
    void shouldLeaveARefusedValueAsSentForTheRefusalToName() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
        request.addParameter("title", "甲\u200b乙");

        assertThat(pass(request).getParameter("title")).isEqualTo("甲\u200b乙");
    }

    private static HttpServletRequest pass(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        new NfcParameters().doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }
}
