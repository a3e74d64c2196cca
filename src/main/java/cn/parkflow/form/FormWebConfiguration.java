package cn.parkflow.form;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A refused submission answers 400 with its Chinese sentence on the engine's APIs (Tasklist);
 * on ours the engine problems advice ({@code web.EngineProblemsAdvice}) answers it.
 */
@Configuration(proxyBeanMethods = false)
class FormWebConfiguration {

    @Bean
    FilterRegistrationBean<Filter> refusalResponses() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RefusalResponses());
        registration.setName("RefusalResponses");
        // inside the security filters: only authenticated, allowed requests reach the engine
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> submittedVariables() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new SubmittedVariables());
        registration.setName("SubmittedVariables");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        return registration;
    }
}
