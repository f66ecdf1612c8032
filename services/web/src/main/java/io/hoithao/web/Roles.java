package io.hoithao.web;

import java.text.ParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.nimbusds.jwt.JWTParser;

import reactor.core.publisher.Mono;

/**
 * The roles the issuer gave the signed-in person, read as the services read them: the claim named by
 * {@code hoithao.security.roles-claim} (a dotted path, as in the platform's security settings), the suite's
 * top-level {@code roles} and Keycloak's {@code realm_access.roles}; from the ID token and from the access
 * token (Keycloak puts them only in the access token), names without case. Only what the pages show depends
 * on it: the APIs decide with the token they verify.
 */
@Component
public class Roles {

    private final List<String> claims;
    private final ReactiveOAuth2AuthorizedClientManager clients;

    public Roles(@Value("${hoithao.security.roles-claim:roles}") String claim, ReactiveOAuth2AuthorizedClientManager clients) {
        this.claims = List.copyOf(new LinkedHashSet<>(List.of(claim == null || claim.isBlank() ? "roles" : claim.strip(),
                "roles", "realm_access.roles")));
        this.clients = clients;
    }

    /** The roles in a set of claims (lower case). */
    public Set<String> in(Map<String, ?> claimSet) {
        Set<String> roles = new LinkedHashSet<>();
        for (String claim : claims) {
            Object value = claimSet;
            for (String step : claim.split("\\.")) {
                value = value instanceof Map<?, ?> map ? map.get(step) : null;
            }
            if (value instanceof Collection<?> names) {
                names.forEach(name -> add(roles, String.valueOf(name)));
            } else if (value instanceof String names) {
                for (String name : names.split("[\\s,]+")) {
                    add(roles, name);
                }
            }
        }
        return roles;
    }

    /** The roles in an access token that is a JWT (its claims only: this application received it from the issuer itself). */
    public Set<String> inToken(String token) {
        try {
            return in(JWTParser.parse(token).getJWTClaimsSet().getClaims());
        } catch (ParseException | RuntimeException e) {
            // an opaque token (another issuer): its roles are not readable here
            return Set.of();
        }
    }

    /** The signed-in person's roles from her ID token and her access token (kept in her session). */
    public Mono<Set<String>> of(Authentication who, ServerWebExchange exchange) {
        Set<String> fromIdToken = who.getPrincipal() instanceof OidcUser user ? in(user.getClaims()) : Set.of();
        // the token the API calls use (refreshed as they would refresh it)
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(SecurityConfig.REGISTRATION)
                .principal(who).attribute(ServerWebExchange.class.getName(), exchange).build();
        return clients.authorize(request)
                .map(client -> {
                    Set<String> all = new LinkedHashSet<>(fromIdToken);
                    all.addAll(inToken(client.getAccessToken().getTokenValue()));
                    return (Set<String>) all;
                })
                .defaultIfEmpty(fromIdToken)
                // no token to read (none kept, or its refresh refused): the page still shows, with the ID token's roles
                .onErrorResume(e -> !(e instanceof Error), e -> Mono.just(fromIdToken));
    }

    /** The same, for the request being answered (its exchange is in the Reactor context; without it, the ID token's). */
    public Mono<Set<String>> current(OidcUser user) {
        return Mono.deferContextual(context -> {
            var exchange = context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class);
            if (exchange.isEmpty()) {
                return Mono.just(user == null ? Set.of() : in(user.getClaims()));
            }
            // the context's exchange is the one before the security filters, without the principal: that is in the security context
            return ReactiveSecurityContextHolder.getContext().mapNotNull(SecurityContext::getAuthentication)
                    .flatMap(who -> of(who, exchange.get()))
                    .defaultIfEmpty(user == null ? Set.of() : in(user.getClaims()));
        });
    }

    private static void add(Set<String> roles, String name) {
        String role = name.strip().toLowerCase(Locale.ROOT);
        if (!role.isEmpty()) {
            roles.add(role);
        }
    }
}
