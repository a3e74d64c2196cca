package cn.parkflow.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * In production the admin password must come from the environment. Checked before any bean
 * exists, so the engine never creates an admin with an empty password.
 */
public class ProductionAdminPasswordCheck implements EnvironmentPostProcessor {

    static final String VARIABLE = "PARKFLOW_ADMIN_PASSWORD";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        String password = environment.getProperty(VARIABLE);
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("Parkflow cannot start in the 'prod' profile: set the environment "
                    + "variable " + VARIABLE + " to the administrator's password.");
        }
    }
}
