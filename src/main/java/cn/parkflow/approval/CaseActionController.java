package cn.parkflow.approval;

import cn.parkflow.security.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The approval actions on a whole case: 催办, 抄送, and the lists 抄送我的 and 我发起的. */
@RestController
@RequestMapping("/api/cases")
@Validated
class CaseActionController {

    private final UrgeAction urge;
    private final CopyAction copy;
    private final StartedCases started;
    private final CaseRows rows;
    private final Colleagues colleagues;

    CaseActionController(UrgeAction urge, CopyAction copy, StartedCases started, CaseRows rows, Colleagues colleagues) {
        this.urge = urge;
        this.copy = copy;
        this.started = started;
        this.rows = rows;
        this.colleagues = colleagues;
    }

    record Urge(String message) {
    }

    record Copy(String to, String note) {
    }

    @PostMapping("/{number}/urge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void urge(@PathVariable String number, @RequestBody(required = false) Urge body,
              @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        urge.urge(user, number, body == null ? null : body.message());
    }

    @PostMapping("/{number}/copies")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void copy(@PathVariable String number, @RequestBody Copy body, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        copy.copy(user, number, body.to(), body.note());
    }

    /** The departments a case may be copied to (抄送), code to name. */
    @GetMapping("/copy-departments")
    Map<String, String> copyDepartments() {
        return colleagues.departments();
    }

    /** 抄送我的, each case with its open steps and what the caller may do with it. */
    @GetMapping("/copied-to-me")
    List<CaseRows.CaseRow> copiedToMe(@RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        return rows.of(user, copy.copiedTo(user));
    }

    /** 我发起的, each case with its open steps and what the caller may do with it. */
    @GetMapping("/started-by-me")
    List<CaseRows.CaseRow> startedByMe(@RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                 @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        return rows.of(user, started.of(user.id(), page, size));
    }
}
