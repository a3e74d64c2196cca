package cn.parkflow.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The Chinese mail templates, one file per template in {@code classpath*:mail/*.txt}: a
 * {@code subject:} line, then a {@code --- text} and a {@code --- html} section. {@code {{name}}}
 * inserts a model value (HTML-escaped in the HTML part, "—" when missing); a section
 * {@code {{#name}}…{{/name}}} appears only when the value is present. A process may add its own
 * template by adding a file; the standard ones must all be there or start-up fails.
 */
@Component
class MailTemplates {

    static final Set<String> STANDARD = Set.of("task-created", "task-assigned", "case-accepted",
            "supplement-requested", "decision", "certificate-issued", "case-closed", "deadline-reminder");
    private static final Pattern SECTION = Pattern.compile("\\{\\{#(\\w+)}}(.*?)\\{\\{/\\1}}", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("\\{\\{(\\w+)}}");
    private static final String MISSING = "—";
    private static final String TEXT_FOOTER = "\n--\n张江高新区闵行园区 · 园区案件管理系统\n本邮件由系统自动发送，请勿直接回复。\n";

    private final Map<String, Template> templates = new TreeMap<>();
    private final String layout;

    MailTemplates() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (Resource resource : resolver.getResources("classpath*:mail/*.txt")) {
                String id = resource.getFilename().substring(0, resource.getFilename().length() - ".txt".length());
                templates.put(id, Template.parse(id, resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            layout = resolver.getResource("classpath:mail/layout.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the mail templates", e);
        }
        Set<String> missing = new TreeSet<>(STANDARD);
        missing.removeAll(templates.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Mail templates missing from classpath:mail/: " + missing);
        }
    }

    boolean exists(String id) {
        return templates.containsKey(id);
    }

    Set<String> ids() {
        return templates.keySet();
    }

    RenderedMail render(String id, Map<String, String> model) {
        Template template = templates.get(id);
        if (template == null) {
            throw new IllegalArgumentException("未知的邮件模板: " + id);
        }
        String subject = fill(template.subject(), model, false).replaceAll("\\s+", " ").trim();
        String html = fill(template.html(), model, true);
        String page = layout.replace("{{subject}}", HtmlUtils.htmlEscape(subject)).replace("{{content}}", html);
        return new RenderedMail(subject, fill(template.text(), model, false).strip() + "\n" + TEXT_FOOTER, page);
    }

    private static String fill(String text, Map<String, String> model, boolean html) {
        String withSections = SECTION.matcher(text).replaceAll(match -> present(model.get(match.group(1)))
                ? Matcher.quoteReplacement(match.group(2)) : "");
        return VALUE.matcher(withSections).replaceAll(match -> {
            String value = model.get(match.group(1));
            String shown = present(value) ? value : MISSING;
            return Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(shown) : shown);
        });
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private record Template(String subject, String text, String html) {

        static Template parse(String id, String source) {
            String normalized = source.replace("\r\n", "\n");
            int text = normalized.indexOf("\n--- text\n");
            int html = normalized.indexOf("\n--- html\n");
            if (!normalized.startsWith("subject:") || text < 0 || html < text) {
                throw new IllegalStateException("Mail template " + id
                        + " must start with 'subject:' followed by '--- text' and '--- html' sections");
            }
            return new Template(normalized.substring("subject:".length(), text).trim(),
                    normalized.substring(text + "\n--- text\n".length(), html),
                    normalized.substring(html + "\n--- html\n".length()));
        }
    }
}
