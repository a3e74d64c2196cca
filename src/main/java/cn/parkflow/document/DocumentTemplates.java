package cn.parkflow.document;

import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The document templates: XHTML with Mustache tags ({@code {{name}}} HTML-escaped,
 * {@code {{#rows}}…{{/rows}}} repeated for a list or shown for a present value,
 * {@code {{> official-style}}} a part from {@code documents/partials/}), one file per kind in
 * {@code classpath*:documents/*.html}, its id the file name. A process adds a kind by adding a file.
 */
@Component
class DocumentTemplates {

    private static final Pattern META = Pattern.compile("<meta\\s+name=\"parkflow:([\\w-]+)\"\\s+content=\"([^\"]*)\"\\s*/>");
    private static final Pattern TITLE = Pattern.compile("<title>([^<{]+)</title>");

    private final Map<String, DocumentTemplate> templates = new TreeMap<>();

    DocumentTemplates() {
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).defaultValue("").emptyStringIsFalse(true)
                .withLoader(name -> new InputStreamReader(
                        new ClassPathResource("documents/partials/" + name + ".html").getInputStream(),
                        StandardCharsets.UTF_8));
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:documents/*.html")) {
                String id = resource.getFilename().substring(0, resource.getFilename().length() - ".html".length());
                templates.put(id, parse(id, resource.getContentAsString(StandardCharsets.UTF_8), compiler));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the document templates", e);
        }
    }

    Optional<DocumentTemplate> find(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    Set<String> ids() {
        return templates.keySet();
    }

    private static DocumentTemplate parse(String id, String source, Mustache.Compiler compiler) {
        Map<String, String> meta = new HashMap<>();
        Matcher tag = META.matcher(source);
        while (tag.find()) {
            meta.put(tag.group(1), tag.group(2));
        }
        Matcher title = TITLE.matcher(source);
        if (!title.find() || !meta.containsKey("issuer")) {
            throw new IllegalStateException("Document template " + id
                    + " must name its kind in <title> and its issuer in <meta name=\"parkflow:issuer\" content=\"…\"/>");
        }
        return new DocumentTemplate(id, title.group(1).trim(), meta.get("issuer"), meta.get("number"),
                meta.getOrDefault("series", id), meta.get("number-variable"), compiler.compile(source));
    }
}
