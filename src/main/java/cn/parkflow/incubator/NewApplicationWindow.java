package cn.parkflow.incubator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** {@code POST /api/incubators/windows}: a call for applications, e.g. 「2026年度高质量孵化器认定申报通知（闵科〔2026〕5号）」. */
record NewApplicationWindow(
        @NotBlank(message = "请填写申报通知标题（含文号）") @Size(max = 200, message = "申报通知标题不能超过200字") String title,
        @NotNull(message = "请填写申报开始日期") LocalDate opensOn,
        @NotNull(message = "请填写申报截止日期") LocalDate closesOn) {
}
