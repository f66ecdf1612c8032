package io.hoithao.web.checkin;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import io.hoithao.web.Roles;
import reactor.core.publisher.Mono;

/**
 * Which staff links the layout shows (the organiser's console, check-in, review): from the roles the issuer
 * gave her ({@link Roles}: her ID token and the access token this application received and keeps in her
 * session; the suite's {@code roles} claim or Keycloak's {@code realm_access.roles}). Only links depend on it:
 * the APIs decide what she may do with the token they verify.
 */
@ControllerAdvice
class StaffNavigation {

    /** What the signed-in person's roles open: the console, the door's check-in and the organisers' reviews; the reviewer's desk. */
    record Staff(boolean organises, boolean reviews) {

        static final Staff NONE = new Staff(false, false);

        static Staff of(Set<String> roles) {
            boolean admin = roles.contains("admin");
            return new Staff(admin || roles.contains("organiser"), admin || roles.contains("reviewer"));
        }
    }

    private final Roles roles;

    StaffNavigation(Roles roles) {
        this.roles = roles;
    }

    @ModelAttribute("staff")
    Mono<Staff> staff(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(Authentication.class::isInstance).cast(Authentication.class)
                .flatMap(who -> roles.of(who, exchange))
                .map(Staff::of)
                .defaultIfEmpty(Staff.NONE);
    }
}
