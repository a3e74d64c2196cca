package cn.parkflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ParkflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParkflowApplication.class, args);
    }
}
