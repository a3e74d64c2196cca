package cn.parkflow.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Closes what the Camunda starter leaves open (ARCHITECTURE.md "Security baseline"). */
@Configuration(proxyBeanMethods = false)
class SecurityFilters {

    @Bean
    FilterRegistrationBean<Filter> setupEndpointGuard(IdentityService identityService) {
        return register(new SetupEndpointGuard(identityService), Ordered.HIGHEST_PRECEDENCE + 1,
                "/camunda/api/admin/setup/*");
    }

    /** /engine-rest and /api: HTTP Basic against the identity service, no path left open. */
    @Bean
    FilterRegistrationBean<Filter> apiAuthentication(IdentityService identityService, VerifiedIdentities verified) {
        return register(new ApiAuthenticationFilter(identityService, verified, false), Ordered.HIGHEST_PRECEDENCE + 2,
                "/api/*", "/engine-rest/*");
    }

    /** The engine APIs: each role's allow-list, after authentication. */
    @Bean
    FilterRegistrationBean<Filter> engineApiGuard(EngineApiAllowList allowList) {
        return register(new EngineApiGuard(allowList), Ordered.HIGHEST_PRECEDENCE + 3,
                "/engine-rest/*", "/camunda/api/*");
    }

    @Bean
    FilterRegistrationBean<Filter> engineRequestGuard() {
        return register(new EngineRequestGuard(), Ordered.HIGHEST_PRECEDENCE + 4,
                "/engine-rest/*", "/camunda/api/*");
    }

    /** Headers the webapps and the APIs send on every answer, refusals included: runs first. */
    @Bean
    FilterRegistrationBean<Filter> responseHeaders() {
        return register(new ResponseHeaders(), Ordered.HIGHEST_PRECEDENCE, "/*");
    }

    @Bean
    FilterRegistrationBean<Filter> actuatorAuthentication(IdentityService identityService, VerifiedIdentities verified) {
        return register(new ApiAuthenticationFilter(identityService, verified, true), Ordered.HIGHEST_PRECEDENCE + 2,
                "/actuator/*");
    }

    private static FilterRegistrationBean<Filter> register(Filter filter, int order, String... urlPatterns) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setName(filter.getClass().getSimpleName() + "@" + urlPatterns[0]);
        registration.setOrder(order);
        registration.addUrlPatterns(urlPatterns);
        return registration;
    }
}
