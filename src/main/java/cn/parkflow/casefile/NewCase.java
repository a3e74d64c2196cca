package cn.parkflow.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a process knows when it opens a case.
 *
 * @param type case number prefix, e.g. {@code INC}, {@code IP}, {@code CONV}, {@code TASK}
 */
public record NewCase(
        @NotBlank @Pattern(regexp = "[A-Z]{2,8}") String type,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 64) String applicantUser,
        @Size(max = 200) String applicantOrganisation,
        @NotBlank @Size(max = 64) String department) {
}
