package io.hoithao.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The public pages need no sign-in. Every page gets a strict Content-Security-Policy (scripts and styles
 * only from this site, no inline script), CSRF protection stays on for every form.
 */
@Configuration
@EnableWebFluxSecurity
public class SecurityConfig {

    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    SecurityWebFilterChain pages(ServerHttpSecurity http) {
        return http
                .authorizeExchange(pages -> pages.anyExchange().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .build();
    }

    /** Picked up by name by the WebFlux handler chain. */
    @Bean(name = "localeContextResolver")
    LocaleContextResolver localeContextResolver() {
        return new LanguageResolver();
    }
}
