package cn.parkflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine APIs (the REST API and the webapps' own) answer the display values of a task
 * ({@link DisplayVariables}) as if they were task variables, where the Tasklist reads them: the
 * variables of a filter's task list (the cards) and a task's form variables (the read-only fields of
 * its form). A variable the task really has keeps its value. Nothing is stored, so no step pays for
 * them (issue 17); they are read only for tasks the engine has just shown the caller.
 */
@Component
class DisplayVariablesInResponses extends OncePerRequestFilter {

    private static final String API = "^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)";
    private static final Pattern FILTER_LIST = Pattern.compile(API + "/filter/[^/]+/list$");
    private static final Pattern FORM_VARIABLES = Pattern.compile(API + "/task/([^/]+)/form-variables$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DisplayVariables displayVariables;

    DisplayVariablesInResponses(DisplayVariables displayVariables) {
        this.displayVariables = displayVariables;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !FILTER_LIST.matcher(path).matches() && !FORM_VARIABLES.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
            if (answer.getStatus() == HttpServletResponse.SC_OK && answer.getContentSize() > 0) {
                byte[] decorated = decorate(request, answer.getContentAsByteArray());
                if (decorated != null) {
                    answer.resetBuffer();
                    answer.getOutputStream().write(decorated);
                }
            }
        } finally {
            answer.copyBodyToResponse();
        }
    }

    /** The answer with the display values added; null to leave it as it is. */
    private byte[] decorate(HttpServletRequest request, byte[] body) throws IOException {
        Matcher form = FORM_VARIABLES.matcher(path(request));
        JsonNode root = JSON.readTree(body);
        if (form.matches()) {
            return root instanceof ObjectNode variables
                    ? withFormValues(variables, form.group(1), asked(request.getParameter("variableNames"))) : null;
        }
        return withCardValues(root);
    }

    /** A task's form variables ({@code name → {type, value, valueInfo}}) with its display values. */
    private byte[] withFormValues(ObjectNode variables, String taskId, Set<String> asked) throws IOException {
        displayVariables.of(List.of(taskId)).getOrDefault(taskId, Map.of()).forEach((name, value) -> {
            if ((asked == null || asked.contains(name)) && !variables.has(name)) {
                variables.set(name, JSON.createObjectNode().put("type", "String").put("value", value)
                        .set("valueInfo", JSON.createObjectNode()));
            }
        });
        return JSON.writeValueAsBytes(variables);
    }

    /** A filter's HAL task list, each task's embedded variables (the card's) with its display values. */
    private byte[] withCardValues(JsonNode root) throws IOException {
        Map<String, ArrayNode> shownByTask = new LinkedHashMap<>();
        for (JsonNode task : root.path("_embedded").path("task")) {
            if (task.path("_embedded").path("variable") instanceof ArrayNode shown) {
                shownByTask.put(task.path("id").asText(), shown);
            }
        }
        if (shownByTask.isEmpty()) {
            return null; // not a task list, or a filter that shows no variables
        }
        Map<String, Map<String, String>> values = displayVariables.of(shownByTask.keySet());
        shownByTask.forEach((id, shown) -> {
            Set<String> present = new HashSet<>();
            shown.forEach(variable -> present.add(variable.path("name").asText()));
            values.getOrDefault(id, Map.of()).forEach((name, value) -> {
                if (!present.contains(name)) {
                    shown.add(halVariable(id, name, value));
                }
            });
        });
        return JSON.writeValueAsBytes(root);
    }

    private static ObjectNode halVariable(String taskId, String name, String value) {
        ObjectNode variable = JSON.createObjectNode();
        variable.putObject("_links").putObject("self").put("href", "/task/" + taskId + "/localVariables/" + name);
        variable.putNull("_embedded");
        variable.put("name", name).put("value", value).put("type", "String");
        variable.putObject("valueInfo");
        return variable;
    }

    /** The names a caller asked for ({@code variableNames=a,b}); null for all. */
    private static Set<String> asked(String names) {
        return names == null || names.isBlank() ? null
                : Arrays.stream(names.split(",")).map(String::trim).collect(Collectors.toSet());
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
