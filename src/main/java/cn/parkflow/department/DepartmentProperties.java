package cn.parkflow.department;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

@Validated
@ConfigurationProperties("parkflow")
record DepartmentProperties(@NotEmpty List<@Valid Department> departments) {
}
