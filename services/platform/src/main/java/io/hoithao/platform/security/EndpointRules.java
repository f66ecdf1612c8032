package io.hoithao.platform.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * A service's coarse access rules, applied in order before the platform's final rule that every
 * other request needs a signed-in caller. Typical use: what anyone may read
 * ({@code permitAll()}), and what needs a role ({@code hasAnyRole("ADMIN", "ORGANISER")}).
 * Object-level rules (whose event, whose registration) belong in the service, with {@link Caller}.
 */
@FunctionalInterface
public interface EndpointRules {

    void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);
}
