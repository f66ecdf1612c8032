package io.hoithao.web.checkin;

import java.text.ParseException;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import com.nimbusds.jwt.JWTParser;

import io.hoithao.web.SecurityConfig;
import reactor.core.publisher.Mono;

/**
 * Which staff links the layout shows (check-in, review): from the roles in her access token, which this
 * application received from the issuer itself and keeps in her session. Only links depend on it: the APIs
 * decide what she may do with the token they verify.
 */
@ControllerAdvice
class StaffNavigation {

    /** What the signed-in person's roles open: the door's check-in and the organisers' reviews, the reviewer's desk. */
    record Staff(boolean organises, boolean reviews) {

        static final Staff NONE = new Staff(false, false);

        static Staff of(List<String> roles) {
            boolean admin = roles.contains("admin");
            return new Staff(admin || roles.contains("organiser"), admin || roles.contains("reviewer"));
        }
    }

    private final ServerOAuth2AuthorizedClientRepository clients;

    StaffNavigation(ServerOAuth2AuthorizedClientRepository clients) {
        this.clients = clients;
    }

    @ModelAttribute("staff")
    Mono<Staff> staff(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(Authentication.class::isInstance).cast(Authentication.class)
                .flatMap(who -> clients.<OAuth2AuthorizedClient>loadAuthorizedClient(SecurityConfig.REGISTRATION, who, exchange))
                .map(client -> Staff.of(roles(client.getAccessToken().getTokenValue())))
                .defaultIfEmpty(Staff.NONE);
    }

    static List<String> roles(String token) {
        try {
            List<String> roles = JWTParser.parse(token).getJWTClaimsSet().getStringListClaim("roles");
            return roles == null ? List.of() : roles;
        } catch (ParseException e) {
            // an opaque token (another issuer): no staff links, the pages stay reachable by address
            return List.of();
        }
    }
}
