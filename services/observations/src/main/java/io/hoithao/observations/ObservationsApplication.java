package io.hoithao.observations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Demonstration lessons, the few observer seats in each classroom, and the observation forms. */
@SpringBootApplication
public class ObservationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ObservationsApplication.class, args);
    }
}
