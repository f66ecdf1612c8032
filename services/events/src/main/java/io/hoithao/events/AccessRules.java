package io.hoithao.events;

import io.hoithao.platform.security.AccessTable;
import io.hoithao.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The coarse rules, by role, before any handler runs; the platform then requires sign-in for anything
 * not named here. What anyone may read: programmes (chuyên đề), events and their sessions, and an
 * event's programme as JSON, {@code .ics}, PDF and live stream; the handlers hide a draft event from all
 * but its managers ({@code EventAccess}). Every change needs an administrator or an organiser, and the
 * handlers then check which unit's event (or programme) it is, so a rule missing here never opens a door.
 */
@Configuration
class AccessRules {

    @Bean
    EndpointRules eventsEndpointRules() {
        return AccessTable.under("/api/events")
                .anyone(HttpMethod.GET, "", "/programmes", "/programmes/**", "/*", "/*/sessions", "/*/sessions/*",
                        "/*/programme", "/*/programme.ics", "/*/programme.pdf", "/*/programme/changes")
                .managers(HttpMethod.POST, "", "/**")
                .managers(HttpMethod.PATCH, "/**")
                .managers(HttpMethod.PUT, "/**")
                .managers(HttpMethod.DELETE, "/**");
    }
}
