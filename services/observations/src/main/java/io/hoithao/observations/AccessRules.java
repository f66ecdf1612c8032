package io.hoithao.observations;

import io.hoithao.platform.security.AccessTable;
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

    @Bean
    EndpointRules observationsEndpointRules() {
        return AccessTable.under("/api/observations")
                // What a visitor needs to decide to come: the lessons, their seats left, what observers assess.
                .anyone(HttpMethod.GET, "/events/*/lessons", "/lessons/*", "/events/*/form")
                // Managing an event's lessons, observers, rotations, attendance and forms: organisers and administrators.
                .managers(HttpMethod.GET, "/lessons/*/forms/summary", "/lessons/*/observers", "/events/*/observers",
                        "/events/*/clashes", "/rotations/*")
                .managers(HttpMethod.POST, "/events/*/lessons", "/events/*/rotations", "/rotations/*/apply",
                        "/lessons/*/attendance")
                .managers(HttpMethod.PUT, "/lessons/*/details", "/events/*/form")
                .managers(HttpMethod.DELETE, "/lessons/*");
    }
}
