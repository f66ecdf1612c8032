package io.hoithao.registrations;

import io.hoithao.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The coarse rules, by role, before any handler runs (the platform then requires sign-in for everything
 * else: registering, one's own registrations, look-ups and cancellation by id or code). Which event, whose
 * registration: the handlers decide that with the caller ({@code EventAccess}, {@code RegistrationAccess}) and
 * check the roles again, so a rule missing here never opens a door.
 */
@Configuration
class AccessRules {

    private static final String API = "/api/registrations";

    @Bean
    EndpointRules registrationsEndpointRules() {
        return exchanges -> exchanges
                // What a visitor needs to decide to come: whether registration is open, the seats left.
                .pathMatchers(HttpMethod.GET, API + "/events/*").permitAll()
                // Registering needs one of the suite's roles (a delegate registers themself, organisers anyone).
                .pathMatchers(HttpMethod.POST, API).hasAnyRole("ADMIN", "ORGANISER", "REVIEWER", "DELEGATE")
                // Managing an event's registrations: organisers (of its unit, checked in the handlers) and administrators.
                .pathMatchers(HttpMethod.POST, API + "/*/approve", API + "/*/reject", API + "/codes/*/check-ins",
                        API + "/events/*/imports").hasAnyRole("ADMIN", "ORGANISER")
                .pathMatchers(HttpMethod.GET, API + "/events/*/registrations", API + "/events/*/attendance",
                        API + "/events/*/attendance.csv", API + "/events/*/delegates.xlsx", API + "/events/*/attendance.xlsx",
                        API + "/events/*/badges.pdf", API + "/events/*/certificates.pdf").hasAnyRole("ADMIN", "ORGANISER")
                .pathMatchers(HttpMethod.PUT, API + "/events/*/quotas", API + "/events/*/approval").hasAnyRole("ADMIN", "ORGANISER");
    }
}
