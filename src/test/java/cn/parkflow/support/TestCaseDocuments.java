package cn.parkflow.support;

import cn.parkflow.casefile.DocumentKind;
import cn.parkflow.casefile.DocumentKinds;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The document kinds of the kernel's test cases (case type {@value #CASE_TYPE}), declared as a
 * process declares its own; found by the application's component scan in every application test,
 * so the kernel's document rules are tested without any process.
 */
@Component
public class TestCaseDocuments implements DocumentKinds {

    public static final String CASE_TYPE = "DOC";

    @Override
    public Set<String> caseTypes() {
        return Set.of(CASE_TYPE);
    }

    @Override
    public List<DocumentKind> kinds() {
        return List.of(new DocumentKind("PLAN", "项目计划书"), new DocumentKind("LICENCE", "营业执照"));
    }
}
