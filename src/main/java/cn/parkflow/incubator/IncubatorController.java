package cn.parkflow.incubator;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseDocument;
import cn.parkflow.casefile.CaseDocuments;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.security.CurrentUser;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * Applicants submit applications and attach files (the kernel's case documents, see
 * {@link CaseDocuments}); officers and supervisors read the register of certified incubators. Every
 * error is a problem detail in Chinese naming the field.
 */
@RestController
@RequestMapping("/api/incubators")
class IncubatorController {

    private final IncubatorApplications applications;
    private final CaseDocuments documents;
    private final CertificateRegister register;
    private final CaseFile caseFile;
    private final TaskService taskService;

    IncubatorController(IncubatorApplications applications, CaseDocuments documents, CertificateRegister register,
                        CaseFile caseFile, TaskService taskService) {
        this.taskService = taskService;
        this.applications = applications;
        this.documents = documents;
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

    /** The case's documents under the incubator's older path: the kernel's rules, incubator cases only. */
    @PostMapping("/applications/{caseNumber}/attachments")
    ResponseEntity<CaseDocument> attach(@PathVariable String caseNumber, @RequestParam String kind,
                                        @RequestPart MultipartFile file,
                                        @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) throws IOException {
        requireIncubatorCase(caseNumber);
        CaseDocument added = documents.add(caseNumber, kind, file.getOriginalFilename(), file.getContentType(),
                file.getBytes(), user);
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    /**
     * The applicant has uploaded the application's documents: completes 上传申报材料 as Tasklist's
     * 完成 does (refused with 400 naming the missing kinds), and the case goes to the formal check.
     */
    @PostMapping("/applications/{caseNumber}/submission")
    ResponseEntity<Map<String, String>> submitDocuments(@PathVariable String caseNumber,
                                                       @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        requireIncubatorCase(caseNumber);
        Task upload = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(IncubatorCertificationProcess.TASK_UPLOAD_DOCUMENTS).taskAssignee(user.id())
                .singleResult();
        if (upload == null) {
            throw problem(HttpStatus.CONFLICT, "案件 " + caseNumber + " 没有待您提交的申报材料");
        }
        taskService.complete(upload.getId());
        return ResponseEntity.ok(Map.of("caseNumber", caseNumber, "status", "申报材料已提交，等待形式审查"));
    }

    @GetMapping("/applications/{caseNumber}/attachments")
    List<CaseDocument> attachments(@PathVariable String caseNumber,
                                   @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        requireIncubatorCase(caseNumber);
        return documents.list(caseNumber, user);
    }

    @GetMapping("/applications/{caseNumber}/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable long id,
                                    @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        requireIncubatorCase(caseNumber);
        return documents.content(caseNumber, id, user).asDownload();
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

    private void requireIncubatorCase(String caseNumber) {
        if (!IncubatorCertificationProcess.CASE_TYPE.equals(caseFile.get(caseNumber).type())) {
            throw problem(HttpStatus.NOT_FOUND, "不是孵化器认定案件：" + caseNumber);
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
