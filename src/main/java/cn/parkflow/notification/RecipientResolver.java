package cn.parkflow.notification;

import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.department.Roles;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves a comma-separated recipient list: an email address stays as it is; a department code
 * becomes the department's mailbox; a user id the user's email; another group its members'
 * emails. A person without an email learns of the work in Tasklist alone (DOMAIN.md §7), so they
 * are left out quietly. Anything else is kept as unresolved, so the failure is visible.
 */
@Component
class RecipientResolver {

    private static final Logger log = LoggerFactory.getLogger(RecipientResolver.class);

    private final DepartmentDirectory departments;
    private final IdentityLookup identities;

    RecipientResolver(DepartmentDirectory departments, IdentityLookup identities) {
        this.departments = departments;
        this.identities = identities;
    }

    List<Recipient> resolve(String recipients) {
        Map<String, Recipient> resolved = new LinkedHashMap<>();
        for (String token : recipients.split(",")) {
            String id = token.trim();
            if (!id.isEmpty()) {
                resolveOne(id).forEach(recipient -> resolved.putIfAbsent(recipient.id(), recipient));
            }
        }
        return List.copyOf(resolved.values());
    }

    private List<Recipient> resolveOne(String id) {
        if (id.contains("@")) {
            return List.of(address(id));
        }
        var department = departments.find(id);
        if (department.isPresent()) {
            return List.of(Recipient.to(id, department.get().mailbox()));
        }
        Optional<User> user = identities.user(id);
        if (user.isPresent()) {
            return withEmail(user.get()).map(List::of).orElseGet(List::of);
        }
        if (id.equals(Roles.APPLICANTS)) {
            return List.of(Recipient.unresolved(id, "不向申请人组群发邮件，请指定具体申请人"));
        }
        return identities.members(id)
                .map(members -> members.stream().map(this::withEmail).flatMap(Optional::stream).toList())
                .orElseGet(() -> List.of(Recipient.unresolved(id, "未知的收件人（不是用户、部门或邮件地址）: " + id)));
    }

    private Optional<Recipient> withEmail(User user) {
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            log.info("User '{}' has no email address; they see their work in Tasklist only", user.getId());
            return Optional.empty();
        }
        Recipient recipient = address(user.getEmail().trim());
        return Optional.of(recipient.resolved() ? Recipient.to(user.getId(), recipient.address())
                : Recipient.unresolved(user.getId(), recipient.problem()));
    }

    private static Recipient address(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return Recipient.to(address, parsed.getAddress());
        } catch (AddressException e) {
            return Recipient.unresolved(address, "邮件地址格式不正确: " + address);
        }
    }
}
