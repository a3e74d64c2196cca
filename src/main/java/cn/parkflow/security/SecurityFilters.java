package cn.parkflow.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Closes what the Camunda starter leaves open (ARCHITECTURE.md "Security baseline"). */
@Configuration(proxyBeanMethods = false)
class SecurityFilters {

    @Bean
    FilterRegistrationBean<Filter> setupEndpointGuard(IdentityService identityService) {
        return register(new SetupEndpointGuard(identityService), Ordered.HIGHEST_PRECEDENCE,
                "/camunda/api/admin/setup/*");
    }

    @Bean
    FilterRegistrationBean<Filter> engineRequestGuard() {
        return register(new EngineRequestGuard(), Ordered.HIGHEST_PRECEDENCE + 1,
                "/engine-rest/*", "/camunda/api/*");
    }

    /** /engine-rest: HTTP Basic against the identity service; the engine then checks authorizations. */
    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = register(new ProcessEngineAuthenticationFilter(),
                Ordered.HIGHEST_PRECEDENCE + 2, "/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> apiAuthentication(IdentityService identityService) {
        return register(new ApiAuthenticationFilter(identityService, false), Ordered.HIGHEST_PRECEDENCE + 2,
                "/api/*");
    }

    @Bean
    FilterRegistrationBean<Filter> actuatorAuthentication(IdentityService identityService) {
        return register(new ApiAuthenticationFilter(identityService, true), Ordered.HIGHEST_PRECEDENCE + 2,
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
