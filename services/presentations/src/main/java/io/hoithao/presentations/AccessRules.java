package io.hoithao.presentations;

import io.hoithao.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The coarse rules, by role, before any handler runs (the platform then requires sign-in for the
 * rest). Which event, whose paper: the handlers decide that with the caller ({@code EventAccess},
 * {@code PaperAccess}), and check the roles again, so a rule missing here never opens a door.
 */
@Configuration
class AccessRules {

    private static final String API = "/api/presentations";

    @Bean
    EndpointRules presentationsEndpointRules() {
        return exchanges -> exchanges
                // What a visitor needs to decide to come and submit: the event and its call for papers.
                .pathMatchers(HttpMethod.GET, API + "/events/*").permitAll()
                // The photo album is public; uploading is its organisers' (checked by the event's unit) and, once they
                // allow it, its confirmed delegates' (checked with the registrations projection), whatever their role.
                .pathMatchers(HttpMethod.GET, API + "/events/*/photos", API + "/events/*/album", API + "/photos/*/image",
                        API + "/photos/*/thumbnail").permitAll()
                .pathMatchers(HttpMethod.POST, API + "/events/*/photos").hasAnyRole("ADMIN", "ORGANISER", "REVIEWER", "DELEGATE")
                .pathMatchers(HttpMethod.GET, API + "/events/*/photos/pending").hasAnyRole("ADMIN", "ORGANISER")
                .pathMatchers(HttpMethod.PUT, API + "/events/*/album").hasAnyRole("ADMIN", "ORGANISER")
                .pathMatchers(HttpMethod.POST, API + "/photos/*/approve", API + "/photos/*/reject").hasAnyRole("ADMIN", "ORGANISER")
                .pathMatchers(HttpMethod.PATCH, API + "/photos/*").hasAnyRole("ADMIN", "ORGANISER")
                .pathMatchers(HttpMethod.DELETE, API + "/photos/*").hasAnyRole("ADMIN", "ORGANISER")
                .pathMatchers(HttpMethod.PUT, API + "/events/*/call-for-papers").hasAnyRole("ADMIN", "ORGANISER")
                // Who reviews an event's papers is its managers' to say, and not public.
                .pathMatchers(API + "/events/*/reviewers").hasAnyRole("ADMIN", "ORGANISER")
                .pathMatchers(API + "/events/*/sessions", API + "/events/*/sessions/**").hasAnyRole("ADMIN", "ORGANISER")
                .pathMatchers(HttpMethod.POST, API + "/papers/*/decision").hasAnyRole("ADMIN", "ORGANISER")
                .pathMatchers(HttpMethod.POST, API + "/papers/*/reviews").hasAnyRole("ADMIN", "REVIEWER")
                .pathMatchers(HttpMethod.GET, API + "/papers/*/reviews").hasAnyRole("ADMIN", "ORGANISER", "REVIEWER")
                .pathMatchers(HttpMethod.GET, API + "/review-desk").hasAnyRole("ADMIN", "REVIEWER")
                .pathMatchers(HttpMethod.GET, API + "/events/*/reviews").hasAnyRole("ADMIN", "ORGANISER");
    }
}
