package cn.parkflow.web;

import cn.parkflow.form.TextRules;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request parameters of our API as {@link TextRules#normalize} leaves them: NFC, and a value of
 * Unicode spaces only is empty. Values that break a rule are not changed here: {@link InputHygiene}
 * refuses them with the parameter named.
 */
final class NfcParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Normalized(request), response);
    }

    /** NFC, and Unicode blank as empty; a text that breaks a rule stays as sent, to be refused naming its field. */
    static String clean(String text) {
        return TextRules.problem(text) == null ? TextRules.normalize(text) : text;
    }

    static final class Normalized extends HttpServletRequestWrapper {

        private Map<String, String[]> parameters;

        Normalized(HttpServletRequest request) {
            super(request);
        }

        /** Read on first use, after the character encoding is set; a refused value stays as sent, to be refused. */
        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                Map<String, String[]> normalized = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> {
                    String[] copy = new String[values.length];
                    for (int i = 0; i < values.length; i++) {
                        copy[i] = clean(values[i]);
                    }
                    normalized.merge(clean(name), copy, Normalized::concat);
                });
                parameters = Collections.unmodifiableMap(normalized);
            }
            return parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        private static String[] concat(String[] first, String[] second) {
            String[] both = new String[first.length + second.length];
            System.arraycopy(first, 0, both, 0, first.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            return both;
        }
    }
}
