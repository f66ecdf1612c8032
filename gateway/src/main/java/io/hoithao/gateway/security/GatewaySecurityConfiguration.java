package io.hoithao.gateway.security;

import java.net.URI;

import io.hoithao.gateway.ProblemResponses;
import io.hoithao.keyset.CheckedTokens;
import io.hoithao.keyset.IssuerKeySet;
import org.springframework.core.env.Environment;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The gateway authenticates; the services authorize. A request with a bearer token is let through
 * only if the token is valid (signature from the issuer's key set, issuer, audience, expiry: the
 * same {@code spring.security.oauth2.resourceserver.jwt.*} settings as the services), so a bad
 * token is refused here with 401 before it costs a service anything, and the rate limit counts
 * per signed-in user. A request without a token is forwarded: which endpoints are public (published
 * programmes) is each service's decision, answered there with 401 when sign-in is needed; the gateway's
 * own route listing ({@code /actuator/gateway/**}, which names the backends' addresses) is for
 * administrators only. The token
 * itself is forwarded unchanged, and each service checks it again (no trust in the network).
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurityConfiguration {

	/** The roles claim the identity service and Keycloak's mapper write (values such as {@code admin}). */
	private static final String ROLES = "roles";

	/**
	 * The issuer's key set, fetched at start and refreshed in the background: a crowd of requests never
	 * becomes a crowd of key-set fetches ({@link IssuerKeySet}).
	 */
	@Bean(destroyMethod = "close")
	IssuerKeySet issuerKeySet(OAuth2ResourceServerProperties properties, Environment environment) {
		return new IssuerKeySet(URI.create(properties.getJwt().getJwkSetUri()), IssuerKeySet.Settings.from(environment))
			.start();
	}

	/**
	 * The checks Boot would configure from {@code spring.security.oauth2.resourceserver.jwt.*}, each token checked
	 * once while the key set holds its key and it has not expired ({@link CheckedTokens}).
	 */
	@Bean
	ReactiveJwtDecoder gatewayJwtDecoder(IssuerKeySet keys, OAuth2ResourceServerProperties properties,
			Environment environment) {
		return CheckedTokens.forIssuer(keys, properties.getJwt().getIssuerUri(), properties.getJwt().getAudiences(),
				environment);
	}

	/**
	 * Spring Security observes nothing of its own: a timer and a span for the filter chain before and after the
	 * route, for each token's authentication and for each authorization cost the gateway about an eighth of its
	 * CPU per request (the benchmark's profile, docs/decisions.md), and said nothing the request's own
	 * observation does not. The HTTP server's and client's observations, and so every trace, stay.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
			ProblemResponses problems) {
		ServerAuthenticationEntryPoint refuse = (exchange, failure) -> {
			if (failure instanceof AuthenticationServiceException) {
				exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
				return problems.write(exchange.getResponse(), problems.problem(
						ProblemResponses.TYPE_BASE + "identity-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
						"Identity provider unavailable",
						"The access token could not be checked because the identity provider's keys are unreachable; try again shortly",
						ProblemResponses.originalPath(exchange)));
			}
			if (failure instanceof AuthenticationCredentialsNotFoundException) {
				exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
				return problems.write(exchange.getResponse(), problems.problem(ProblemResponses.UNAUTHENTICATED,
						HttpStatus.UNAUTHORIZED, "Sign-in required", "Sign in to use this endpoint",
						ProblemResponses.originalPath(exchange)));
			}
			String detail = "The access token is not valid";
			String challenge = "Bearer";
			if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error) {
				detail = error.getDescription() == null ? detail : error.getDescription();
				challenge = "Bearer error=\"" + error.getErrorCode() + "\", error_description=\""
						+ detail.replaceAll("[\"\\\\\\r\\n]", "'") + "\"";
			}
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
			return problems.write(exchange.getResponse(), problems.problem(ProblemResponses.TYPE_BASE + "invalid-token",
					HttpStatus.UNAUTHORIZED, "Invalid access token", detail + "; sign in again",
					ProblemResponses.originalPath(exchange)));
		};
		// The key set being unreachable is the issuer's outage: 503, not a 500 and never a pass.
		JwtReactiveAuthenticationManager checks = new JwtReactiveAuthenticationManager(decoder);
		ReactiveAuthenticationManager tokens = authentication -> checks.authenticate(authentication)
			.onErrorMap(failure -> !(failure instanceof AuthenticationException),
					failure -> new AuthenticationServiceException("The access token could not be checked", failure));
		ServerAuthenticationEntryPointFailureHandler failures = new ServerAuthenticationEntryPointFailureHandler(refuse);
		failures.setRethrowAuthenticationServiceException(false);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			// The services set their own caching and security headers; the gateway passes them on.
			.headers(headers -> headers.disable())
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.authenticationManager(tokens))
				.authenticationEntryPoint(refuse)
				.authenticationFailureHandler(failures))
			// The route listing names the backends' addresses: operators only.
			.exceptionHandling(denied -> denied.authenticationEntryPoint(refuse).accessDeniedHandler((exchange, failure) ->
					problems.write(exchange.getResponse(), problems.problem(ProblemResponses.TYPE_BASE + "forbidden",
							HttpStatus.FORBIDDEN, "Forbidden", "Only an administrator may list the gateway's routes",
							ProblemResponses.originalPath(exchange)))))
			.authorizeExchange(exchanges -> exchanges.pathMatchers("/actuator/gateway/**")
				.access((authentication, context) -> authentication
					.<AuthorizationResult>map(granted -> new AuthorizationDecision(granted.getPrincipal() instanceof Jwt jwt
							&& jwt.getClaimAsStringList(ROLES) != null && jwt.getClaimAsStringList(ROLES).contains("admin")))
					.defaultIfEmpty(new AuthorizationDecision(false)))
				.anyExchange().permitAll())
			.build();
	}

}
