package io.hoithao.notifications;

import io.hoithao.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The delivery log is for an event's organisers and administrators; the handler checks the event's unit. */
@Configuration
class AccessRules {

    @Bean
    EndpointRules notificationsEndpointRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/notifications/events/*/deliveries").hasAnyRole("ADMIN", "ORGANISER")
                // The opt-out link in a reminder works without signing in; its token says whose it is.
                .pathMatchers("/api/notifications/unsubscribe").permitAll();
    }
}
