package cn.parkflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A request to our API about a case logs with its case number and process key, and only while it runs. */
class CaseLogContextTest {

    private final CaseProcesses processes = mock(CaseProcesses.class);
    private final CaseLogContext filter = new CaseLogContext(processes);

    @Test
    void shouldPutTheCaseNumberAndProcessKeyIntoTheLogContextOfTheRequest() throws Exception {
        when(processes.processKeyOf("INC-2026-0017")).thenReturn(Optional.of("incubator-certification"));
        Map<String, String> seen = new HashMap<>();

        filter.doFilter(new MockHttpServletRequest("GET", "/api/cases/INC-2026-0017/documents"),
                new MockHttpServletResponse(), (request, response) -> seen.putAll(MDC.getCopyOfContextMap()));

        assertThat(seen).containsEntry("caseNumber", "INC-2026-0017").containsEntry("processKey", "incubator-certification");
        assertThat(MDC.get("caseNumber")).isNull();
        assertThat(MDC.get("processKey")).isNull();
    }

    @Test
    void shouldLeaveRequestsWithoutACaseNumberAlone() throws Exception {
        Map<String, String> seen = new HashMap<>();

        filter.doFilter(new MockHttpServletRequest("GET", "/api/cases"), new MockHttpServletResponse(),
                (request, response) -> {
                    Map<String, String> context = MDC.getCopyOfContextMap();
                    if (context != null) {
                        seen.putAll(context);
                    }
                });

        assertThat(seen).doesNotContainKey("caseNumber");
    }
}
