package cn.parkflow.bench.plain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The cold start's baseline (README "Performance"): a plain Camunda 7.24 Spring Boot starter
 * application, nothing of Parkflow's beans (it scans only this package) nor its configuration
 * ({@code spring.config.name} is set so that Parkflow's application.yaml is not read). It runs with
 * the same classpath, so the same starters (engine, REST, webapps) are auto-configured.
 */
@SpringBootApplication
public class PlainCamundaApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlainCamundaApplication.class, args);
    }
}
