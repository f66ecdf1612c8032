package io.hoithao.observations;

import io.hoithao.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The coarse rules, by role, before any handler runs (the platform then requires sign-in for the rest:
 * bookings, schedules and forms, which delegates use for their own registrations). Which event, whose
 * registration: the handlers decide that with the caller ({@code EventAccess}, {@code RegistrationAccess})
 * and check the roles again, so a rule missing here never opens a door.
 */
@Configuration
class AccessRules {

    private static final String API = "/api/observations";

    @Bean
    EndpointRules observationsEndpointRules() {
        return exchanges -> exchanges
                // What a visitor needs to decide to come: the lessons, their seats left, what observers assess.
                .pathMatchers(HttpMethod.GET, API + "/events/*/lessons", API + "/lessons/*", API + "/events/*/form").permitAll()
                // Managing an event's lessons, observers, rotations, attendance and forms: organisers and administrators.
                .pathMatchers(HttpMethod.GET, API + "/lessons/*/forms/summary", API + "/lessons/*/observers",
                        API + "/events/*/observers", API + "/events/*/clashes", API + "/rotations/*").hasAnyRole("ADMIN", "ORGANISER")
                .pathMatchers(HttpMethod.POST, API + "/events/*/lessons", API + "/events/*/rotations", API + "/rotations/*/apply",
                        API + "/lessons/*/attendance").hasAnyRole("ADMIN", "ORGANISER")
                .pathMatchers(HttpMethod.PUT, API + "/lessons/*/details", API + "/events/*/form").hasAnyRole("ADMIN", "ORGANISER")
                .pathMatchers(HttpMethod.DELETE, API + "/lessons/*").hasAnyRole("ADMIN", "ORGANISER");
    }
}
