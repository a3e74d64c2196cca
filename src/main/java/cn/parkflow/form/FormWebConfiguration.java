package cn.parkflow.form;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused submission answers 400 with its Chinese sentence, on the engine's APIs and on ours. */
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

    @RestControllerAdvice
    static class RefusalAdvice {

        @ExceptionHandler(SubmissionRefused.class)
        ProblemDetail refused(SubmissionRefused refused) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
            problem.setTitle("提交未通过");
            return problem;
        }
    }
}
