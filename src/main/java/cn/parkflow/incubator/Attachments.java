package cn.parkflow.incubator;

import cn.parkflow.casefile.CaseFile;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Application attachments stored with the case. Type limits are checked on the bytes, not on the
 * declared content type alone, and the running process gets a readable list for the officer's form.
 */
@Service
@Transactional
class Attachments {

    private final JdbcClient jdbc;
    private final CaseFile caseFile;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final IncubatorProperties properties;

    Attachments(JdbcClient jdbc, CaseFile caseFile, RuntimeService runtimeService, IdentityService identityService,
                IncubatorProperties properties) {
        this.jdbc = jdbc;
        this.caseFile = caseFile;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.properties = properties;
    }

    record Attachment(long id, String kind, String kindLabel, String fileName, String contentType, long sizeBytes,
                      String uploadedBy, Instant uploadedAt) {
    }

    record Content(String fileName, String contentType, byte[] bytes) {
    }

    Attachment add(String caseNumber, String kind, String fileName, String contentType, byte[] bytes, String user) {
        AttachmentKind attachmentKind = parseKind(kind);
        if (fileName == null || fileName.isBlank() || fileName.length() > 200) {
            throw new IllegalArgumentException("file：文件名不能为空且不能超过200字");
        }
        if (bytes.length == 0 || bytes.length > properties.attachmentMaxBytes()) {
            throw new IllegalArgumentException("file：文件大小应在1字节至" + properties.attachmentMaxBytes() / 1024 / 1024 + "MB之间");
        }
        if (contentType == null || !properties.attachmentTypes().contains(contentType) || !FileSignature.matches(contentType, bytes)) {
            throw new IllegalArgumentException("file：仅接受 PDF、JPG、PNG、OFD 文件（文件内容须与类型一致）");
        }
        Instant now = Instant.now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO incubator_attachment (case_number, kind, file_name, content_type, size_bytes, "
                        + "content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseNumber, attachmentKind.name(), fileName, contentType, bytes.length, bytes, user,
                        now.atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKey().longValue();
        caseFile.record(caseNumber, user, "ATTACHMENT_ADDED", "上传附件", attachmentKind.label() + "：" + fileName);
        updateProcessSummary(caseNumber);
        return list(caseNumber).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    List<Attachment> list(String caseNumber) {
        return jdbc.sql("SELECT id, kind, file_name, content_type, size_bytes, uploaded_by, uploaded_at "
                        + "FROM incubator_attachment WHERE case_number = ? ORDER BY id")
                .param(caseNumber)
                .query((rs, row) -> new Attachment(rs.getLong("id"), rs.getString("kind"),
                        AttachmentKind.valueOf(rs.getString("kind")).label(), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                        rs.getObject("uploaded_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    Optional<Content> content(String caseNumber, long id) {
        return jdbc.sql("SELECT file_name, content_type, content FROM incubator_attachment WHERE case_number = ? AND id = ?")
                .params(caseNumber, id)
                .query((rs, row) -> new Content(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    /** Kinds of the domain's list that no file covers yet. */
    @Transactional(readOnly = true)
    Set<AttachmentKind> missing(String caseNumber) {
        Set<AttachmentKind> missing = EnumSet.allOf(AttachmentKind.class);
        missing.remove(AttachmentKind.SUPPLEMENT);
        list(caseNumber).forEach(a -> missing.remove(AttachmentKind.valueOf(a.kind())));
        return missing;
    }

    private static AttachmentKind parseKind(String kind) {
        try {
            return AttachmentKind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("kind：附件类别应为 " + Arrays.stream(AttachmentKind.values())
                    .map(k -> k.name() + "（" + k.label() + "）").collect(Collectors.joining("、")));
        }
    }

    /**
     * Shows the list in the officer's form. The caller's right to the case is checked already; the
     * variable is written as the system because applicants hold no engine grant to change variables.
     */
    private void updateProcessSummary(String caseNumber) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .active().singleResult();
            if (instance != null) {
                String summary = list(caseNumber).stream().map(a -> a.kindLabel() + "：" + a.fileName())
                        .collect(Collectors.joining("\n"));
                String missing = missing(caseNumber).stream().map(AttachmentKind::label).collect(Collectors.joining("、"));
                runtimeService.setVariable(instance.getId(), "attachmentSummary",
                        summary + (missing.isEmpty() ? "" : "\n尚缺：" + missing));
            }
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
