package io.hoithao.registrations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Delegates register for events here; organisers decide who gets a seat and record who came. */
@SpringBootApplication
public class RegistrationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistrationsApplication.class, args);
    }
}
