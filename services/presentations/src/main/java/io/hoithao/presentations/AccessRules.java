package io.hoithao.presentations;

import io.hoithao.platform.security.AccessTable;
import io.hoithao.platform.security.EndpointRules;
import io.hoithao.platform.security.Role;
import java.util.List;
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

    @Bean
    EndpointRules presentationsEndpointRules() {
        return AccessTable.under("/api/presentations")
                // What a visitor needs to decide to come and submit: the event and its call for papers.
                .anyone(HttpMethod.GET, "/events/*")
                // The photo album is public; uploading is its organisers' (checked by the event's unit) and, once they
                // allow it, its confirmed delegates' (checked with the registrations projection), whatever their role.
                .anyone(HttpMethod.GET, "/events/*/photos", "/events/*/album", "/photos/*/image", "/photos/*/thumbnail")
                .roles(HttpMethod.POST, List.of(Role.values()), "/events/*/photos")
                .managers(HttpMethod.GET, "/events/*/photos/pending")
                .managers(HttpMethod.PUT, "/events/*/album")
                .managers(HttpMethod.POST, "/photos/*/approve", "/photos/*/reject")
                .managers(HttpMethod.PATCH, "/photos/*")
                .managers(HttpMethod.DELETE, "/photos/*")
                .managers(HttpMethod.PUT, "/events/*/call-for-papers")
                // Who reviews an event's papers is its managers' to say, and not public.
                .managers(null, "/events/*/reviewers")
                .managers(null, "/events/*/sessions", "/events/*/sessions/**")
                .managers(HttpMethod.POST, "/papers/*/decision")
                .roles(HttpMethod.POST, List.of(Role.ADMIN, Role.REVIEWER), "/papers/*/reviews")
                .roles(HttpMethod.GET, List.of(Role.ADMIN, Role.ORGANISER, Role.REVIEWER), "/papers/*/reviews")
                .roles(HttpMethod.GET, List.of(Role.ADMIN, Role.REVIEWER), "/review-desk")
                .managers(HttpMethod.GET, "/events/*/reviews");
    }
}
