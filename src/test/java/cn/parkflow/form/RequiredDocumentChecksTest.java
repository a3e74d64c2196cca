package cn.parkflow.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.parkflow.casefile.CaseDocuments;
import cn.parkflow.casefile.DocumentKind;
import cn.parkflow.casefile.DocumentKinds;
import cn.parkflow.casefile.RequiredDocuments;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A step that needs documents is refused as "complete" while the case lacks one, and only then. */
class RequiredDocumentChecksTest {

    private static final List<String> REQUIRED = List.of("PLAN", "LICENCE");

    private final CaseDocuments documents = mock(CaseDocuments.class);
    private final RequiredDocumentChecks checks = new RequiredDocumentChecks(List.of(new DocumentKinds() {
        @Override
        public Set<String> caseTypes() {
            return Set.of("DOC");
        }

        @Override
        public List<DocumentKind> kinds() {
            return List.of(new DocumentKind("PLAN", "项目计划书"), new DocumentKind("LICENCE", "营业执照"),
                    new DocumentKind("OTHER", "其他材料"));
        }

        @Override
        public List<RequiredDocuments> requiredAtSteps() {
            return List.of(new RequiredDocuments("doc-process", "Task_Check", "checkResult", "COMPLETE", REQUIRED),
                    RequiredDocuments.uploadedInStep("doc-process", "Task_Supplement", List.of("OTHER")));
        }
    }), documents);

    @Test
    void shouldNameTheMissingKindsWhenTheStepIsSubmittedAsComplete() {
        when(documents.missingKinds("DOC-2026-0001", REQUIRED)).thenReturn(List.of("PLAN", "LICENCE"));

        assertThat(checks.violations("doc-process", "Task_Check", "DOC-2026-0001", Map.of("checkResult", "COMPLETE")))
                .containsExactly("尚缺材料：项目计划书、营业执照");
    }

    @Test
    void shouldAcceptCompleteOnceEveryRequiredKindIsThere() {
        when(documents.missingKinds("DOC-2026-0001", REQUIRED)).thenReturn(List.of());

        assertThat(checks.violations("doc-process", "Task_Check", "DOC-2026-0001", Map.of("checkResult", "COMPLETE")))
                .isEmpty();
    }

    @Test
    void shouldLeaveOtherOutcomesStepsAndProcessesAlone() {
        when(documents.missingKinds("DOC-2026-0001", REQUIRED)).thenReturn(REQUIRED);

        assertThat(checks.violations("doc-process", "Task_Check", "DOC-2026-0001", Map.of("checkResult", "INCOMPLETE")))
                .isEmpty();
        assertThat(checks.violations("doc-process", "Task_Other", "DOC-2026-0001", Map.of("checkResult", "COMPLETE")))
                .isEmpty();
        assertThat(checks.violations("other-process", "Task_Check", "DOC-2026-0001", Map.of("checkResult", "COMPLETE")))
                .isEmpty();
    }

    @Test
    void shouldCountOnlyWhatWasUploadedSinceTheStepOpenedWhereTheStepSaysSo() {
        Instant opened = Instant.parse("2026-10-09T02:00:00Z");
        when(documents.missingKindsSince("DOC-2026-0001", List.of("OTHER"), opened)).thenReturn(List.of("OTHER"));

        assertThat(checks.violations("doc-process", "Task_Supplement", "DOC-2026-0001", Map.of(), opened))
                .containsExactly("尚缺材料：其他材料（须在本次补正要求之后上传）");
        when(documents.missingKindsSince("DOC-2026-0001", List.of("OTHER"), opened)).thenReturn(List.of());
        assertThat(checks.violations("doc-process", "Task_Supplement", "DOC-2026-0001", Map.of(), opened)).isEmpty();
    }
}
