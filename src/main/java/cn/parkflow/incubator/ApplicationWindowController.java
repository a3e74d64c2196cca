package cn.parkflow.incubator;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.security.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Calls for applications (申报通知): officers of {@code stc} (or admins) open them; everyone signed in reads them. */
@RestController
@RequestMapping("/api/incubators/windows")
class ApplicationWindowController {

    /** The department that issues the call (DOMAIN.md §3). */
    static final String OWNER = "stc";

    private final ApplicationWindows windows;

    ApplicationWindowController(ApplicationWindows windows) {
        this.windows = windows;
    }

    @GetMapping
    List<ApplicationWindow> list() {
        return windows.all();
    }

    @PostMapping
    ResponseEntity<ApplicationWindow> open(@Valid @RequestBody NewApplicationWindow window,
                                           @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        if (!user.belongsTo(OWNER) && !user.isAdmin()) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "只有区科委（stc）工作人员可以发布申报通知"), null);
        }
        ApplicationWindow opened = windows.open(window, user.id(), EngineClock.today());
        return ResponseEntity.created(URI.create("/api/incubators/windows/" + opened.id())).body(opened);
    }
}
