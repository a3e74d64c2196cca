package cn.parkflow.portal;

import cn.parkflow.casefile.CaseDocuments;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.DocumentContent;
import cn.parkflow.notification.CaseMails;
import cn.parkflow.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * 我的案件: the cases of whoever is logged in to the webapps on this browser (no second login, no
 * password box), a case page (timeline, documents, mails), and a document opened from it. Without
 * a login the browser goes to Tasklist's login.
 */
@Controller
@RequestMapping("/portal")
class PortalController {

    static final String LOGIN = "redirect:/camunda/app/tasklist/default/#/login";

    private final PortalCases cases;
    private final CaseFile caseFile;
    private final CaseDocuments documents;
    private final CaseMails mails;

    PortalController(PortalCases cases, CaseFile caseFile, CaseDocuments documents, CaseMails mails) {
        this.cases = cases;
        this.caseFile = caseFile;
        this.documents = documents;
        this.mails = mails;
    }

    @GetMapping({"", "/"})
    String list(HttpServletRequest request, Model model) {
        Optional<CurrentUser> user = CurrentUser.ofWebappLogin(request);
        if (user.isEmpty()) {
            return LOGIN;
        }
        model.addAttribute("user", user.get().id());
        model.addAttribute("cases", cases.of(user.get()));
        return "portal/cases";
    }

    @GetMapping("/cases/{number}")
    String page(@PathVariable String number, HttpServletRequest request, Model model) {
        Optional<CurrentUser> user = CurrentUser.ofWebappLogin(request);
        if (user.isEmpty()) {
            return LOGIN;
        }
        CaseRow row = cases.one(number, user.get());
        model.addAttribute("user", user.get().id());
        model.addAttribute("row", row);
        model.addAttribute("events", caseFile.events(number).stream()
                .map(event -> TimelineEntry.of(event, cases::stageLabel)).toList());
        model.addAttribute("documents", documents.list(number, user.get()).stream().map(DocumentEntry::of).toList());
        // an applicant sees the mails sent to them; who works or supervises the case, every mail of it
        model.addAttribute("mails", mails.of(number, user.get().isApplicant() ? user.get().id() : null).stream()
                .map(MailEntry::of).toList());
        return "portal/case";
    }

    /** The file itself, shown in the browser (PDF, images) for whoever may read it; never run as a page. */
    @GetMapping("/cases/{number}/documents/{id}")
    ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable long id, HttpServletRequest request) {
        Optional<CurrentUser> user = CurrentUser.ofWebappLogin(request);
        if (user.isEmpty()) {
            return ResponseEntity.status(HttpServletResponse.SC_FOUND)
                    .header(HttpHeaders.LOCATION, "/camunda/app/tasklist/default/#/login").build();
        }
        DocumentContent content = documents.content(number, id, user.get());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, content.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; object-src 'self'; plugin-types application/pdf; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content.bytes());
    }

    /** A refusal (403, 404) as a page in Chinese, not as JSON. */
    @ExceptionHandler(ErrorResponseException.class)
    String refused(ErrorResponseException refusal, HttpServletResponse response, Model model) {
        response.setStatus(refusal.getStatusCode().value());
        model.addAttribute("status", refusal.getStatusCode().value());
        model.addAttribute("detail", refusal.getBody().getDetail());
        return "portal/refused";
    }
}
