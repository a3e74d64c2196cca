package cn.parkflow.incubator;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseAccess;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.security.CurrentUser;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Applicants submit applications and attach files; officers and supervisors read the register of
 * certified incubators. Every error is a problem detail in Chinese naming the field.
 */
@RestController
@RequestMapping("/api/incubators")
class IncubatorController {

    private final IncubatorApplications applications;
    private final Attachments attachments;
    private final CertificateRegister register;
    private final CaseFile caseFile;

    IncubatorController(IncubatorApplications applications, Attachments attachments, CertificateRegister register,
                        CaseFile caseFile) {
        this.applications = applications;
        this.attachments = attachments;
        this.register = register;
        this.caseFile = caseFile;
    }

    @PostMapping("/applications")
    ResponseEntity<Map<String, String>> submit(@Valid @RequestBody IncubatorApplication application,
                                               @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        if (!user.isApplicant()) {
            throw problem(HttpStatus.FORBIDDEN, "只有申请人账户可以提交孵化器认定申请");
        }
        String number = applications.submit(application);
        return ResponseEntity.created(URI.create("/api/cases/" + number)).body(Map.of("caseNumber", number));
    }

    @PostMapping("/applications/{caseNumber}/attachments")
    ResponseEntity<Attachments.Attachment> attach(@PathVariable String caseNumber, @RequestParam String kind,
                                                  @RequestPart MultipartFile file,
                                                  @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user)
            throws IOException {
        CaseRecord record = incubatorCase(caseNumber);
        if (!user.id().equals(record.applicantUser())) {
            throw problem(HttpStatus.FORBIDDEN, "只有本案申请人可以上传附件");
        }
        if (record.isClosed()) {
            throw problem(HttpStatus.CONFLICT, "案件已结案，不能再上传附件");
        }
        Attachments.Attachment added = attachments.add(caseNumber, kind, file.getOriginalFilename(),
                file.getContentType(), file.getBytes(), user.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @GetMapping("/applications/{caseNumber}/attachments")
    List<Attachments.Attachment> attachments(@PathVariable String caseNumber,
                                             @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        requireReader(incubatorCase(caseNumber), user);
        return attachments.list(caseNumber);
    }

    @GetMapping("/applications/{caseNumber}/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable long id,
                                    @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        requireReader(incubatorCase(caseNumber), user);
        Attachments.Content content = attachments.content(caseNumber, id)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "附件不存在：" + id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, content.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content.bytes());
    }

    /** The register: {@code valid=true} lists the certificates in force today. */
    @GetMapping("/certificates")
    List<Certificate> certificates(@RequestParam(defaultValue = "false") boolean valid,
                                   @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        if (user.isApplicant() && !user.readsEverything()) {
            throw problem(HttpStatus.FORBIDDEN, "认定证书名册仅供工作人员查阅");
        }
        return valid ? register.validOn(EngineClock.today()) : register.all();
    }

    private CaseRecord incubatorCase(String caseNumber) {
        CaseRecord record = caseFile.get(caseNumber);
        if (!IncubatorCertificationProcess.CASE_TYPE.equals(record.type())) {
            throw problem(HttpStatus.NOT_FOUND, "不是孵化器认定案件：" + caseNumber);
        }
        return record;
    }

    private static void requireReader(CaseRecord record, CurrentUser user) {
        if (!CaseAccess.mayRead(user, record)) {
            throw problem(HttpStatus.FORBIDDEN, "无权查看案件 " + record.number() + " 的附件");
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
