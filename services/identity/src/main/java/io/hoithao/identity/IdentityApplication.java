package io.hoithao.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The suite's embedded-default OpenID Connect issuer: people sign up and sign in here, and the
 * other services accept the JWT access tokens it signs. In production the same services trust
 * Keycloak instead; the access token's claims are the same either way.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }
}
