package io.hoithao.web;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The public pages need no sign-in; a person's own pages ({@code /me/**}, registering for an event) do.
 * Sign-in is OpenID Connect's authorization code flow as a confidential client of the issuer; the tokens
 * stay in the server-side session ({@link WebSessionServerOAuth2AuthorizedClientRepository}) and are
 * refreshed as needed when an API is called; the browser only holds the session cookie (HttpOnly,
 * SameSite=Lax). Sign-out ends the session here and then at the issuer (RP-initiated logout).
 *
 * <p>Every page gets a strict Content-Security-Policy (scripts and styles only from this site, no inline
 * script); CSRF protection stays on for every form.
 */
@Configuration
@EnableWebFluxSecurity
public class SecurityConfig {

    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' %s; "
            + "frame-ancestors 'none'";
    /** The issuer registration's id: the callback is {@code /login/oauth2/code/hoithao}. */
    public static final String REGISTRATION = "hoithao";
    public static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION;

    @Bean
    SecurityWebFilterChain pages(ServerHttpSecurity http, WebProperties properties,
                                 ReactiveClientRegistrationRepository registrations) {
        OidcClientInitiatedServerLogoutSuccessHandler issuerLogout = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        issuerLogout.setPostLogoutRedirectUri(properties.publicUri() + "/");
        return http
                .authorizeExchange(pages -> pages
                        .pathMatchers("/me", "/me/**", "/events/*/register", "/events/*/lessons", "/events/*/lessons/**",
                                "/events/*/papers", "/events/*/papers/**", "/organiser", "/organiser/**").authenticated()
                        .pathMatchers("/checkin", "/checkin/**", "/review", "/review/**").authenticated()
                        .anyExchange().permitAll())
                // the upload form without script posts multipart/form-data: its token is a part of it
                .csrf(csrf -> csrf.csrfTokenRequestHandler(multipartTokens()))
                .oauth2Login(login -> { })
                .logout(logout -> logout.logoutSuccessHandler(issuerLogout))
                .headers(headers -> headers
                        // the sign-out form posts here, then the browser goes on to the issuer's logout page
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP.formatted(origin(properties.endSessionUri()))))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .build();
    }

    private static XorServerCsrfTokenRequestAttributeHandler multipartTokens() {
        XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return handler;
    }

    /**
     * The issuer, configured without discovery at start-up (the site starts even while the issuer does
     * not answer yet): its endpoints are the identity service's (Spring Authorization Server) paths.
     */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(WebProperties properties) {
        String issuer = properties.issuer();
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(properties.publicUri() + "/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(issuer)
                .authorizationUri(properties.authorizationUri())
                .tokenUri(properties.tokenUri())
                .jwkSetUri(properties.jwkSetUri())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", properties.endSessionUri()))
                .clientName("Hội thảo")
                // PKCE as well as the secret (RFC 9700)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /** The tokens live in the person's session on this server, never in the browser. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Hands out the signed-in person's access token for API calls, refreshing it when it is about to expire. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                  ServerOAuth2AuthorizedClientRepository clients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    /** scheme://host:port of an address (the form-action source the sign-out's redirect needs). */
    static String origin(String uri) {
        java.net.URI u = java.net.URI.create(uri);
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    /** Picked up by name by the WebFlux handler chain. */
    @Bean(name = "localeContextResolver")
    LocaleContextResolver localeContextResolver() {
        return new LanguageResolver();
    }
}
