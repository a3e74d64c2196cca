package cn.parkflow.notification;

import cn.parkflow.security.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin API over the outbox: list notifications by status (and case), read one, retry a FAILED one. */
@RestController
@RequestMapping("/api/admin/notifications")
class NotificationController {

    private final OutboxRepository outbox;
    private final RelayScheduler relay;
    private final Clock clock;

    NotificationController(OutboxRepository outbox, RelayScheduler relay, Optional<Clock> clock) {
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @GetMapping
    List<NotificationView> list(@RequestParam(required = false) NotificationStatus status,
                                @RequestParam(required = false) @Pattern(regexp = "[A-Z]{2,8}-\\d{4}-\\d{1,6}") String caseNumber,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        requireAdmin(user);
        return outbox.list(status, caseNumber, page, size).stream().map(NotificationView::of).toList();
    }

    @GetMapping("/{id}")
    NotificationView get(@PathVariable long id, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        requireAdmin(user);
        return outbox.find(id).map(NotificationView::of).orElseThrow(() -> notFound(id));
    }

    /** Puts a FAILED notification back in the queue with fresh attempts and wakes the relay. */
    @PostMapping("/{id}/retry")
    NotificationView retry(@PathVariable long id, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        requireAdmin(user);
        OutboxEntry entry = outbox.find(id).orElseThrow(() -> notFound(id));
        if (entry.status() != NotificationStatus.FAILED) {
            throw problem(HttpStatus.CONFLICT, "通知 " + id + " 的状态是 " + entry.status() + "，只能重试发送失败（FAILED）的通知");
        }
        if (entry.address() == null) {
            throw problem(HttpStatus.CONFLICT, "通知 " + id + " 没有可用的收件地址（" + entry.lastError() + "），重试无意义");
        }
        outbox.retry(id, clock.instant());
        relay.wakeUp();
        return outbox.find(id).map(NotificationView::of).orElseThrow(() -> notFound(id));
    }

    static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw problem(HttpStatus.FORBIDDEN, "仅系统管理员可以管理邮件通知");
        }
    }

    private static ErrorResponseException notFound(long id) {
        return problem(HttpStatus.NOT_FOUND, "通知 " + id + " 不存在");
    }

    static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
