package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class EngineOperationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/task/", "/engine-rest/task;a=b", "/engine-rest;x=1/task",
            "/engine-rest//task", "/engine-rest/./task", "/engine-rest/x/../task", "/engine-rest/%74ask",
            "/engine-rest/engine/default/task", "/camunda/api/engine/engine/default/task",
            "/camunda/api/engine/engine/default/task;jsessionid=1/"})
    void shouldSeeEverySpellingOfTheTaskQueryAsThatOperation(String uri) {
        EngineOperation operation = EngineOperation.of(request("POST", uri)).orElseThrow();

        assertThat(operation.method()).isEqualTo("POST");
        assertThat(operation.path()).isEqualTo("/task");
        assertThat(operation.engine()).isEqualTo("default");
    }

    @Test
    void shouldKeepTheEngineListAndCountHeadAsGet() {
        assertThat(EngineOperation.of(request("GET", "/camunda/api/engine/engine/")).orElseThrow().path())
                .isEqualTo("/engine");
        assertThat(EngineOperation.of(request("HEAD", "/engine-rest/engine")).orElseThrow())
                .hasToString("GET /engine");
    }

    @Test
    void shouldIgnoreRequestsOutsideTheEngineApis() {
        assertThat(EngineOperation.of(request("GET", "/api/cases"))).isEmpty();
        assertThat(EngineOperation.of(request("GET", "/camunda/api/cockpit/plugin/x"))).isEmpty();
        assertThat(EngineOperation.of(request("GET", "/engine-restless/task"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task%2Fcount", "/engine-rest/%252e%252e/task", "/engine-rest/task%3Ba=b",
            "/engine-rest/task%5Ccount", "/engine-rest/%zz"})
    void shouldRefuseEncodedSeparatorsAndDoubleEncoding(String uri) {
        assertThatThrownBy(() -> EngineOperation.of(request("GET", uri))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMatchOneSegmentPerStarAndAnyRestForTwo() {
        EngineOperation claim = new EngineOperation("/engine-rest", "default", "POST", "/task/abc/claim");

        assertThat(EngineApiAllowList.matches("POST /task/*/claim", claim)).isTrue();
        assertThat(EngineApiAllowList.matches("POST /task/*", claim)).isFalse();
        assertThat(EngineApiAllowList.matches("GET /task/*/claim", claim)).isFalse();
        assertThat(EngineApiAllowList.matches("POST /**", claim)).isTrue();
        assertThat(EngineApiAllowList.matches("POST /task/*/claim/*", claim)).isFalse();
    }

    private static MockHttpServletRequest request(String method, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setRequestURI(uri);
        return request;
    }
}
