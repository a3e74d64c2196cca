package cn.parkflow.department;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A district department: its code is a Camunda group id that tasks are routed to. */
public record Department(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*") String code,
        @NotBlank String name,
        @NotBlank @Email String mailbox) {
}
