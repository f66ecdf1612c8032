package io.hoithao.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** Reads a {@link Caller} and its authorities ({@code ROLE_ORGANISER}...) from a validated access token. */
public class CallerClaims implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final SecurityProperties properties;

    public CallerClaims(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = roles(jwt).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }

    /**
     * The caller. The email, which decides ownership, is taken only when the issuer says it is verified:
     * a token whose {@code email_verified} is missing or anything but {@code true} carries no email here
     * (an issuer that does not say has not proven the address).
     */
    public Caller caller(Jwt jwt) {
        Object verified = jwt.getClaims().get(EMAIL_VERIFIED);
        String email = Boolean.TRUE.equals(verified) || "true".equals(verified)
                ? text(jwt, properties.emailClaim()) : null;
        return new Caller(jwt.getSubject(), email, text(jwt, properties.nameClaim()),
                roles(jwt), text(jwt, properties.unitClaim()), text(jwt, properties.unitIdClaim()));
    }

    /** The OpenID Connect claim saying whether the issuer has verified the email address. */
    public static final String EMAIL_VERIFIED = "email_verified";

    Set<Role> roles(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String step : properties.rolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (value instanceof Collection<?> names) {
            names.forEach(name -> Role.fromName(String.valueOf(name)).ifPresent(roles::add));
        } else if (value instanceof String names) {
            for (String name : names.split("[\\s,]+")) {
                Role.fromName(name).ifPresent(roles::add);
            }
        }
        return roles;
    }

    private static String text(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
