package io.hoithao.identity.security;

import io.hoithao.identity.IdentityProperties;
import io.hoithao.identity.throttle.SignInThrottleFilter;
import io.hoithao.identity.throttle.Throttles;
import io.hoithao.identity.web.Problems;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Three filter chains, tried in order:
 * <ol>
 * <li>the authorization server's endpoints ({@code /oauth2/*}, {@code /.well-known/*}, {@code /userinfo},
 *     {@code /connect/logout}): a browser or script that is not signed in is sent to {@code /login};</li>
 * <li>the user API {@code /api/identity/**} (and its RFC 9728 metadata): stateless, bearer tokens only, no CSRF (no cookies are read),
 *     answers in problem+json; only the self sign-up {@code POST /api/identity/users} is open to anyone;</li>
 * <li>the pages: form sign-in at {@code /login} (throttled: {@link SignInThrottleFilter}), sign-up at
 *     {@code /signup}, the email verification link {@code /verify-email} (open to anyone: the token is the
 *     proof; its form confirms by POST), with CSRF protection.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfig {

    static final String API = "/api/identity/**";
    static final String USERS = "/api/identity/users";
    static final String ACCOUNTS = "/api/identity/accounts";
    static final String UNIT_REQUESTS = "/api/identity/unit-requests";
    static final String PROTECTED_RESOURCE_METADATA = "/.well-known/oauth-protected-resource/**";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        });
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults())) // the user info endpoint
                .cors(Customizer.withDefaults()) // the corsConfigurationSource bean below
                // Whatever the Accept header (curl sends */*), the authorization endpoint signs people in through the form.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, Problems problems) throws Exception {
        ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(problems);
        // Also the RFC 9728 metadata that the WWW-Authenticate header of a 401 points to.
        http.securityMatcher(API, PROTECTED_RESOURCE_METADATA)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.POST, USERS).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, API).permitAll()
                        .requestMatchers(USERS + "/me").authenticated()
                        // who belongs to a unit: administrators, and organisers of that unit or one above it (checked there)
                        .requestMatchers(HttpMethod.PUT, USERS + "/*/unit").hasAnyRole("ADMIN", "ORGANISER")
                        .requestMatchers(UNIT_REQUESTS, UNIT_REQUESTS + "/*").hasAnyRole("ADMIN", "ORGANISER")
                        .requestMatchers(USERS, USERS + "/**", ACCOUNTS).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults()) // the corsConfigurationSource bean below
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new RolesClaimConverter()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pagesChain(HttpSecurity http, Throttles throttles) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/login", SignInThrottleFilter.THROTTLED_PAGE, "/signup", "/verify-email", "/forgot-password", "/reset-password", "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // The figures, for Prometheus; this issuer serves the embedded default, on the operators' machine.
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                // the sign-in budgets are spent before the password is hashed and compared
                .addFilterBefore(new SignInThrottleFilter(throttles), UsernamePasswordAuthenticationFilter.class)
                // each sign-in remembers when it happened: one made before the password was last set (verification, reset) gets no tokens
                .formLogin(form -> form.loginPage("/login").authenticationDetailsSource(SignInDetails::new).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /** Pages of these origins may call the token, key set, discovery, user info and user API endpoints. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(IdentityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        cors.setExposedHeaders(List.of("Location", "WWW-Authenticate"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
