package io.hoithao.events.unit;

import io.hoithao.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The directory is public to read: sign-up and registration forms offer its units before anyone signs
 * in, and it names public institutions. Changes need an administrator or an organiser (the events
 * service's rule for every POST under {@code /api/events}); {@link UnitRights} then decides which units.
 */
@Configuration
class UnitAccessRules {

    @Bean
    EndpointRules unitEndpointRules() {
        return exchanges -> exchanges.pathMatchers(HttpMethod.GET, "/api/events/units", "/api/events/units/**").permitAll();
    }
}
