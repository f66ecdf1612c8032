package io.hoithao.registrations;

import io.hoithao.platform.security.AccessTable;
import io.hoithao.platform.security.EndpointRules;
import io.hoithao.platform.security.Role;
import java.util.List;
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

    @Bean
    EndpointRules registrationsEndpointRules() {
        return AccessTable.under("/api/registrations")
                // What a visitor needs to decide to come: whether registration is open, the seats left.
                .anyone(HttpMethod.GET, "/events/*")
                // Registering needs one of the suite's roles (a delegate registers themself, organisers anyone).
                .roles(HttpMethod.POST, List.of(Role.values()), "")
                // Managing an event's registrations: organisers (of its unit, checked in the handlers) and administrators.
                .managers(HttpMethod.POST, "/*/approve", "/*/reject", "/codes/*/check-ins", "/events/*/imports")
                .managers(HttpMethod.GET, "/events/*/registrations", "/events/*/attendance", "/events/*/attendance.csv",
                        "/events/*/delegates.xlsx", "/events/*/attendance.xlsx", "/events/*/badges.pdf",
                        "/events/*/certificates.pdf")
                .managers(HttpMethod.PUT, "/events/*/quotas", "/events/*/approval");
    }
}
