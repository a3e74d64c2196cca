package cn.parkflow.casefile;

import cn.parkflow.security.CurrentUser;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The documents of a case: upload (multipart {@code kind}, {@code file}), list, download. */
@RestController
@RequestMapping("/api/cases/{number}/documents")
class CaseDocumentController {

    private final CaseDocuments documents;

    CaseDocumentController(CaseDocuments documents) {
        this.documents = documents;
    }

    @PostMapping
    ResponseEntity<CaseDocument> upload(@PathVariable String number, @RequestParam String kind,
                                        @RequestPart MultipartFile file,
                                        @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) throws IOException {
        CaseDocument added = documents.add(number, kind, file.getOriginalFilename(), file.getContentType(),
                file.getBytes(), user);
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @GetMapping
    List<CaseDocument> list(@PathVariable String number, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        return documents.list(number, user);
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable long id,
                                    @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        return documents.content(number, id, user).asDownload();
    }
}
