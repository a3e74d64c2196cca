package cn.parkflow.engine;

import cn.parkflow.ParkflowApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a BPMN model as the engine will and names every reference that would otherwise fail only
 * when a case reaches it: a bean an expression calls, a form, a decision, a called process, a
 * mail template. A bean must live in the kernel or in the package of the process that uses it.
 */
final class ModelWiring {

    private static final Set<String> KERNEL = Set.of("calendar", "casefile", "department", "document", "engine", "notification",
            "security", "web");
    /** Resolved by the engine; {@code decisionResult} is a business rule task's result in its output mapping. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "authenticatedUserId", "dateTime", "now",
            "currentUser", "currentUserGroups", "decisionResult");
    /** Elements whose code is a delegate bean (STYLE §4), never an expression or a class name. */
    private static final Set<String> SERVICE_STEPS = Set.of("serviceTask", "sendTask", "businessRuleTask");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern BEAN_ONLY = Pattern.compile("[$#]\\{\\s*(\\w+)\\s*}");
    private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
    /** An identifier not preceded by a dot (a root), and what follows it. */
    private static final Pattern ROOT = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*([.(])?");

    private final Map<String, String> beanPackages;
    private final Map<String, String> processPackages;
    private final Map<Path, String> forms;
    private final Set<String> formIds;
    private final Set<String> decisionIds;
    private final Set<String> processIds;
    private final Set<String> mailTemplates;
    private final Set<String> documentTemplates;

    private ModelWiring(Map<String, String> beanPackages, Map<String, String> processPackages, Map<Path, String> forms,
            Set<String> decisionIds, Set<String> processIds, Set<String> mailTemplates, Set<String> documentTemplates) {
        this.beanPackages = beanPackages;
        this.processPackages = processPackages;
        this.forms = forms;
        this.formIds = Set.copyOf(forms.values());
        this.decisionIds = decisionIds;
        this.processIds = processIds;
        this.mailTemplates = mailTemplates;
        this.documentTemplates = documentTemplates;
    }

    /** @param processPackages process id prefix (before the first "-") to the package of its code */
    static ModelWiring of(Path project, Map<String, String> processPackages) throws Exception {
        Map<Path, String> forms = new TreeMap<>();
        for (Path form : files(project.resolve("forms"), ".form")) {
            forms.put(form, new ObjectMapper().readTree(form.toFile()).path("id").asText());
        }
        Set<String> decisionIds = new HashSet<>();
        for (Path dmn : files(project.resolve("bpmn/dmn"), ".dmn")) {
            decisionIds.addAll(ids(parse(dmn), "decision"));
        }
        Set<String> processIds = new HashSet<>();
        for (Path bpmn : models(project)) {
            processIds.addAll(ids(parse(bpmn), "process"));
        }
        Set<String> mailTemplates = new HashSet<>();
        files(project.resolve("src/main/resources/mail"), ".txt")
                .forEach(template -> mailTemplates.add(baseName(template, ".txt")));
        Set<String> documentTemplates = new HashSet<>();
        try (Stream<Path> templates = Files.list(project.resolve("src/main/resources/documents"))) {
            templates.filter(file -> file.toString().endsWith(".html"))
                    .forEach(template -> documentTemplates.add(baseName(template, ".html")));
        }
        return new ModelWiring(beans(), processPackages, forms, decisionIds, processIds, mailTemplates,
                documentTemplates);
    }

    static List<Path> models(Path project) throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("bpmn"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    /** A form's JSON id is what camunda:formRef names; the file is named after it. */
    List<String> checkForms() {
        List<String> problems = new ArrayList<>();
        forms.forEach((file, id) -> {
            if (!id.equals(baseName(file, ".form"))) {
                problems.add(file.getFileName() + ": form id \"" + id + "\" differs from the file name");
            }
        });
        return problems;
    }

    List<String> check(Path model) throws Exception {
        List<String> problems = new ArrayList<>();
        NodeList elements = parse(model).getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            Site site = new Site(model.getFileName() + ", " + where(element) + ": ", processPackage(element), problems);
            if ("process".equals(element.getLocalName()) && site.processPackage() == null) {
                site.report("no package in the process table for process " + processId(element));
            }
            for (int a = 0; a < element.getAttributes().getLength(); a++) {
                checkAttribute((Attr) element.getAttributes().item(a), site);
            }
            if (element.getElementsByTagName("*").getLength() == 0) {
                checkText(element, site);
            }
        }
        return problems;
    }

    /** Where a problem is, and the package whose beans a model may use besides the kernel's. */
    private record Site(String where, String processPackage, List<String> problems) {
        void report(String problem) {
            problems.add(where + problem);
        }
    }

    private void checkAttribute(Attr attribute, Site site) {
        String value = attribute.getValue();
        String id = EXPRESSION.matcher(value).find() ? null : value;
        switch (attribute.getLocalName()) {
            case "delegateExpression" -> {
                Matcher bean = BEAN_ONLY.matcher(value);
                if (!bean.matches() || !beanPackages.containsKey(bean.group(1))) {
                    site.report("delegateExpression " + value + " names no Spring bean");
                    return;
                }
            }
            case "expression", "class" -> {
                if (SERVICE_STEPS.contains(attribute.getOwnerElement().getLocalName())) {
                    site.report("a service step names its code with camunda:" + attribute.getLocalName()
                            + "; use camunda:delegateExpression=\"${bean}\"");
                }
            }
            case "formRef" -> require(id, formIds, "form", site);
            case "decisionRef" -> require(id, decisionIds, "decision", site);
            case "calledElement" -> require(id, processIds, "process", site);
            case "value" -> {
                if ("property".equals(attribute.getOwnerElement().getLocalName())
                        && "document".equals(attribute.getOwnerElement().getAttribute("name"))) {
                    requireDocuments(value, site);
                }
            }
            default -> { }
        }
        checkExpressions(value, site);
    }

    private void checkText(Element element, Site site) {
        String text = element.getTextContent().trim();
        checkExpressions(text, site);
        if ("inputParameter".equals(element.getLocalName()) && "mailTemplate".equals(element.getAttribute("name"))) {
            require(text, mailTemplates, "mail template (src/main/resources/mail/*.txt)", site);
        }
        if ("inputParameter".equals(element.getLocalName()) && ("documentTemplate".equals(element.getAttribute("name"))
                || "mailDocument".equals(element.getAttribute("name")))) {
            requireDocuments(text, site);
        }
    }

    /**
     * A document template named in a model: a name, several separated by commas, or an expression
     * whose quoted names are templates ({@code ${code == 'X' ? 'a' : 'b'}}).
     */
    private void requireDocuments(String value, Site site) {
        List<String> names = new ArrayList<>();
        if (EXPRESSION.matcher(value).find()) {
            Matcher literal = STRING_LITERAL.matcher(value);
            while (literal.find()) {
                String quoted = literal.group();
                String name = quoted.substring(1, quoted.length() - 1);
                if (name.contains("-")) {
                    names.add(name);
                }
            }
        } else {
            Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(names::add);
        }
        names.forEach(name -> require(name, documentTemplates, "document template (src/main/resources/documents/*.html)",
                site));
    }

    /**
     * A root identifier that names a bean is a bean; one that is called or dereferenced but names
     * no bean is a mistake (no model keeps an object with methods in a variable); any other is a
     * process variable.
     */
    private void checkExpressions(String text, Site site) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            Matcher root = ROOT.matcher(STRING_LITERAL.matcher(expression.group(1)).replaceAll("''"));
            while (root.find()) {
                String name = root.group(1);
                String beanPackage = beanPackages.get(name);
                if (ENGINE_NAMES.contains(name)) {
                    continue;
                }
                if (beanPackage == null && root.group(2) != null) {
                    site.report(expression.group() + " calls " + name + ", which is no Spring bean");
                } else if (beanPackage != null && !mayUse(site.processPackage(), beanPackage)) {
                    site.report(expression.group() + " uses bean " + name + " of " + beanPackage
                            + ", which is neither the kernel nor the process's own package " + site.processPackage());
                }
            }
        }
    }

    private static boolean mayUse(String processPackage, String beanPackage) {
        return KERNEL.contains(module(beanPackage))
                || processPackage != null && module(beanPackage).equals(module(processPackage));
    }

    private static void require(String id, Set<String> known, String kind, Site site) {
        if (id != null && !known.contains(id)) {
            site.report("no " + kind + " with id " + id);
        }
    }

    /** The package of the process that contains the element; null outside a process or for an unknown process. */
    private String processPackage(Element element) {
        String processId = processId(element);
        return processId == null ? null : processPackages.get(processId.split("-")[0]);
    }

    private static String processId(Element element) {
        for (Element e = element; e != null; e = e.getParentNode() instanceof Element parent ? parent : null) {
            if ("process".equals(e.getLocalName())) {
                return e.getAttribute("id");
            }
        }
        return null;
    }

    /** The nearest element with an id that a modeller sees: a task, an event, a flow. */
    private static String where(Element element) {
        for (Element e = element; e != null; e = e.getParentNode() instanceof Element parent ? parent : null) {
            if (e.hasAttribute("id") && !e.getLocalName().endsWith("EventDefinition")) {
                return e.getAttribute("id");
            }
        }
        return element.getLocalName();
    }

    private static String module(String packageName) {
        return packageName.replaceFirst("^cn\\.parkflow\\.", "").split("\\.")[0];
    }

    /** Bean name to package, for the application's own beans: @Component classes and their @Bean methods. */
    private static Map<String, String> beans() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        String mainClasses = ParkflowApplication.class.getProtectionDomain().getCodeSource().getLocation().toString();
        Map<String, String> beans = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("cn.parkflow")) {
            if (!((AbstractBeanDefinition) candidate).getResource().getURL().toString().startsWith(mainClasses)) {
                continue; // a test's configuration is no bean of the application
            }
            Class<?> type = Class.forName(candidate.getBeanClassName());
            beans.put(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, new SimpleBeanDefinitionRegistry()),
                    type.getPackageName());
            for (Method method : type.getDeclaredMethods()) {
                Bean bean = AnnotatedElementUtils.findMergedAnnotation(method, Bean.class);
                if (bean != null) {
                    beans.put(bean.name().length > 0 ? bean.name()[0] : method.getName(), type.getPackageName());
                }
            }
        }
        return beans;
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(xml.toFile());
    }

    private static List<String> ids(Document document, String localName) {
        NodeList elements = document.getElementsByTagNameNS("*", localName);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            ids.add(((Element) elements.item(i)).getAttribute("id"));
        }
        return ids;
    }

    private static List<Path> files(Path directory, String extension) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
        }
    }

    private static String baseName(Path file, String extension) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - extension.length());
    }
}
