package cn.parkflow.department;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The configured departments (DOMAIN.md §1), looked up by code. */
@Component
public class DepartmentDirectory {

    private final Map<String, Department> byCode = new LinkedHashMap<>();

    DepartmentDirectory(DepartmentProperties properties) {
        properties.departments().forEach(department -> {
            if (byCode.put(department.code(), department) != null) {
                throw new IllegalStateException("Department code configured twice: " + department.code());
            }
        });
    }

    public List<Department> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Department> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public boolean exists(String code) {
        return byCode.containsKey(code);
    }
}
