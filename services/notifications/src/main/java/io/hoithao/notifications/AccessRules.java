package io.hoithao.notifications;

import io.hoithao.platform.security.AccessTable;
import io.hoithao.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The delivery log is for an event's organisers and administrators; the handler checks the event's unit. */
@Configuration
class AccessRules {

    @Bean
    EndpointRules notificationsEndpointRules() {
        return AccessTable.under("/api/notifications")
                .managers(HttpMethod.GET, "/events/*/deliveries")
                // The opt-out link in a reminder works without signing in; its token says whose it is.
                .anyone(null, "/unsubscribe");
    }
}
