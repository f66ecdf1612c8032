package io.hoithao.platform.security;

import io.hoithao.keyset.CheckedTokens;
import io.hoithao.keyset.IssuerKeySet;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.platform.web.ProblemExceptionHandler;
import io.hoithao.platform.web.ProblemTypes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Every service is an OAuth 2 resource server: a request's bearer token is checked for signature
 * (the issuer's key set), issuer, audience and expiry by Spring Boot's decoder, configured by
 * {@code spring.security.oauth2.resourceserver.jwt.*} (defaults in {@code hoithao-platform.properties}).
 * Health probes and the API documentation are open; a service's {@link EndpointRules} say what else
 * is public or needs a role; everything else needs a signed-in caller. Refusals are problem+json:
 * 401 with a {@code WWW-Authenticate: Bearer} challenge, 403 when the role is wrong.
 * Sessions and CSRF protection are off on purpose: no cookies are read, only bearer tokens.
 */
@AutoConfiguration(before = ReactiveOAuth2ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties({SecurityProperties.class, OAuth2ResourceServerProperties.class})
public class PlatformSecurityAutoConfiguration {

    static {
        // A handler's Caller parameter comes from the token, never from the request's parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /**
     * The issuer's key set, fetched when the service starts and refreshed in the background, so that a
     * crowd arriving at a freshly started service is not a crowd of key-set fetches ({@link IssuerKeySet}).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    IssuerKeySet issuerKeySet(OAuth2ResourceServerProperties properties, Environment environment) {
        return new IssuerKeySet(URI.create(properties.getJwt().getJwkSetUri()), IssuerKeySet.Settings.from(environment))
                .start();
    }

    /**
     * Boot's checks from {@code spring.security.oauth2.resourceserver.jwt.*}, on the key set above; each token is
     * checked once while the key set holds its key and it has not expired ({@link CheckedTokens}).
     */
    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder hoithaoJwtDecoder(IssuerKeySet keys, OAuth2ResourceServerProperties properties,
                                         Environment environment) {
        return CheckedTokens.forIssuer(keys, properties.getJwt().getIssuerUri(), properties.getJwt().getAudiences(),
                environment);
    }

    /**
     * Spring Security observes nothing of its own (no timer or span for the filter chain, each authentication and
     * each authorization): they cost a noticeable share of every request's CPU and add nothing to the request's own
     * observation, which stays, with every trace.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    CallerClaims callerClaims(SecurityProperties properties) {
        return new CallerClaims(properties);
    }

    @Bean
    WebFluxConfigurer callerArgument(CallerClaims claims) {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver(claims));
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain hoithaoSecurityFilterChain(ServerHttpSecurity http, CallerClaims claims,
                                                      ObjectProvider<EndpointRules> rules,
                                                      ProblemExceptionHandler problems, ReactiveJwtDecoder decoder) {
        // A token that cannot be checked (the key set is unreachable) is the issuer's outage, not the
        // client's mistake: AuthenticationServiceException, answered 503, never a 500 or a pass.
        JwtReactiveAuthenticationManager checks = new JwtReactiveAuthenticationManager(decoder);
        checks.setJwtAuthenticationConverter(claims);
        ReactiveAuthenticationManager tokens = authentication -> checks.authenticate(authentication)
                .onErrorMap(failure -> !(failure instanceof AuthenticationException),
                        failure -> new AuthenticationServiceException("The access token could not be checked", failure));
        ServerAuthenticationEntryPoint unauthenticated = (exchange, failure) -> {
            ProblemException problem = ProblemException.unauthenticated();
            String challenge = "Bearer";
            if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error) {
                String description = error.getDescription() == null ? "The access token is not valid" : error.getDescription();
                problem = new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.INVALID_TOKEN, "Invalid access token",
                        description + "; sign in again");
                challenge = "Bearer error=\"" + error.getErrorCode() + "\", error_description=\""
                        + description.replaceAll("[\"\\\\\\r\\n]", "'") + "\"";
            }
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
            return problems.handle(exchange, problem);
        };
        ServerAccessDeniedHandler forbidden = (exchange, denied) -> problems.handle(exchange,
                ProblemException.forbidden("Your roles do not allow this request"));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.authenticationManager(tokens))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
                    // Figures for Prometheus, which scrapes the service's own port; the gateway never routes /actuator.
                    exchanges.pathMatchers(HttpMethod.GET, "/actuator/prometheus").permitAll();
                    // Dead letters hold people's messages, and a replay changes data: administrators only.
                    exchanges.pathMatchers("/actuator/deadletters", "/actuator/deadletters/**").hasRole(Role.ADMIN.name());
                    exchanges.pathMatchers(HttpMethod.GET, "/api/*/v3/api-docs", "/api/*/v3/api-docs/**",
                            "/api/*/swagger-ui.html", "/api/*/swagger-ui/**", "/webjars/**", "/api/*/webjars/**").permitAll();
                    rules.orderedStream().forEach(rule -> rule.configure(exchanges));
                    exchanges.anyExchange().authenticated();
                })
                .build();
    }

    /** The OpenAPI documents say how to authenticate, so Swagger UI offers "Authorize" with a token. */
    @Bean
    OpenApiCustomizer bearerTokenSecurityScheme() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes("bearer", new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("An access token from the OpenID Connect issuer (see the README: signing in)"));
            openApi.addSecurityItem(new SecurityRequirement().addList("bearer"));
        };
    }
}
