package cn.parkflow.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is down or unreachable every request answers 503 in Chinese, within the
 * pool's connection timeout, instead of hanging or answering 500; when it is back the pool
 * replaces its broken connections and requests succeed again by themselves. The filter catches
 * what fails before a controller (logging in checks the password in the database); inside a
 * controller {@link ProblemDetailsAdvice} answers the same.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailable {

    static final String MESSAGE = "数据库暂时不可用，请稍后重试";

    @Bean
    FilterRegistrationBean<Filter> databaseUnavailableFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | RuntimeException e) {
                    if (!isOutage(e) || response.isCommitted()) {
                        throw e;
                    }
                    response.resetBuffer();
                    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    response.setHeader("Retry-After", "10");
                    response.setContentType("application/problem+json");
                    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"服务暂时不可用\",\"status\":503,"
                            + "\"detail\":\"" + MESSAGE + "\"}");
                }
            }
        });
        registration.setName("DatabaseUnavailable");
        // right after the response headers, before authentication (which reads the database)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** A connection that cannot be had or was cut: SQL state class 08, a server shutting down (57P0x), a closed one. */
    static boolean isOutage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            // the pool closed a connection the server had cut, under a transaction that then cannot roll back
            if (cause instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
