package cn.parkflow.casefile;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Log lines of a request to our API about one case ({@code /api/cases/INC-2026-0001/…},
 * {@code /api/incubators/…/INC-2026-0001}) carry its case number and process key (MDC keys
 * {@value #CASE_NUMBER}, {@value #PROCESS_KEY}). Inside the engine (engine REST API, job executor)
 * the engine itself sets the same keys from the business key and process definition key
 * ({@code loggingContextBusinessKey}, {@code loggingContextProcessDefinitionKey} in application.yaml).
 */
@Component
class CaseLogContext extends OncePerRequestFilter {

    static final String CASE_NUMBER = "caseNumber";
    static final String PROCESS_KEY = "processKey";
    private static final Pattern NUMBER = Pattern.compile("/([A-Z]{2,8}-\\d{4}-\\d{1,8})(?:/|$)");

    private final CaseProcesses processes;

    CaseLogContext(CaseProcesses processes) {
        this.processes = processes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = NUMBER.matcher(request.getRequestURI());
        if (!matcher.find()) {
            chain.doFilter(request, response);
            return;
        }
        String number = matcher.group(1);
        MDC.put(CASE_NUMBER, number);
        try {
            processes.processKeyOf(number).ifPresent(key -> MDC.put(PROCESS_KEY, key));
            chain.doFilter(request, response);
        } finally {
            MDC.remove(CASE_NUMBER);
            MDC.remove(PROCESS_KEY);
        }
    }
}
