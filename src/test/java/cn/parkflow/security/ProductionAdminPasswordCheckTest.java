package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionAdminPasswordCheckTest {

    private final ProductionAdminPasswordCheck check = new ProductionAdminPasswordCheck();

    @Test
    void shouldRefuseToStartInProductionWithoutAnAdminPassword() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, null))
                .hasMessageContaining("PARKFLOW_ADMIN_PASSWORD");
    }

    @Test
    void shouldStartInProductionWithAnAdminPasswordAndInDemoWithout() {
        MockEnvironment production = new MockEnvironment().withProperty("PARKFLOW_ADMIN_PASSWORD", "s3cret-Passw0rd");
        production.setActiveProfiles("prod");
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");

        assertThatCode(() -> check.postProcessEnvironment(production, null)).doesNotThrowAnyException();
        assertThatCode(() -> check.postProcessEnvironment(demo, null)).doesNotThrowAnyException();
    }
}
