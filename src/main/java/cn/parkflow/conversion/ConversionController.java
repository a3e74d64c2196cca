package cn.parkflow.conversion;

import cn.parkflow.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Transfer offices register leads; stc, supervisors and the transfer offices read the pipeline.
 * Every error is a problem detail in Chinese naming the field.
 */
@RestController
@RequestMapping("/api/conversion-projects")
class ConversionController {

    private final ConversionProjects projects;

    ConversionController(ConversionProjects projects) {
        this.projects = projects;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody ConversionLead lead,
                                                 @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        String number = projects.register(lead, user);
        return ResponseEntity.created(URI.create("/api/cases/" + number)).body(Map.of("caseNumber", number));
    }

    /** Withdraw (transfer office) or stop (stc) a project, with a reason. */
    @PostMapping("/{caseNumber}/withdrawal")
    ResponseEntity<Void> withdraw(@PathVariable String caseNumber, @Valid @RequestBody Withdrawal withdrawal,
                                  @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        projects.withdraw(caseNumber, withdrawal.reason(), user);
        return ResponseEntity.noContent().build();
    }

    record Withdrawal(@NotBlank(message = "请填写撤回或终止的理由") @Size(max = 500, message = "理由不能超过500字") String reason) {
    }

    @GetMapping
    ConversionProjects.Pipeline pipeline(@RequestParam(required = false) String stage,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) String colour,
                                         @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        return projects.pipeline(blankToNull(stage), blankToNull(status), blankToNull(colour), user);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
