package cn.parkflow.security;

import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.department.DepartmentHeads;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The admin names each department's head ({@code PUT /api/departments/{code}/head}); anyone on staff reads them. */
@RestController
class DepartmentHeadController {

    private final DepartmentHeads heads;
    private final DepartmentDirectory directory;
    private final IdentityService identityService;

    DepartmentHeadController(DepartmentHeads heads, DepartmentDirectory directory, IdentityService identityService) {
        this.heads = heads;
        this.directory = directory;
        this.identityService = identityService;
    }

    @GetMapping("/api/departments/heads")
    Map<String, String> heads(@RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        if (user.isApplicant() && !user.isAdmin()) {
            throw problem(HttpStatus.FORBIDDEN, "部门负责人名单仅供工作人员查阅");
        }
        return heads.all();
    }

    @PutMapping("/api/departments/{code}/head")
    Map<String, String> setHead(@PathVariable String code, @Valid @RequestBody NewHead head,
                                @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        if (!user.isAdmin()) {
            throw problem(HttpStatus.FORBIDDEN, "仅系统管理员可以设置部门负责人");
        }
        if (!directory.exists(code)) {
            throw problem(HttpStatus.NOT_FOUND, "未知的部门代码：" + code);
        }
        if (identityService.createUserQuery().userId(head.user()).count() == 0) {
            throw problem(HttpStatus.BAD_REQUEST, "user：用户 " + head.user() + " 不存在");
        }
        heads.setHead(code, head.user(), user.id(), Instant.now());
        return Map.of("department", code, "head", head.user());
    }

    record NewHead(@NotBlank(message = "必填") @Pattern(regexp = "[a-zA-Z0-9-]{1,64}", message = "用户名格式不正确") String user) {
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
