package io.hoithao.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the issuer, all under {@code hoithao.identity}.
 *
 * @param issuer          the {@code iss} of every token and the base of the discovery document's URLs;
 *                        fixed here, never taken from the request's Host header
 * @param accessTokenTtl  how long an access token is valid
 * @param signingKey      a Spring resource location ({@code file:/run/secrets/identity-key.pem}) of the
 *                        PEM (PKCS#8) RSA private key that signs tokens; empty: a key generated at start-up,
 *                        for development only (tokens die with the process)
 * @param webClient       the browser front end's client (public, PKCE)
 * @param cliClient       scripts' client (public, PKCE, loopback redirect)
 * @param corsOrigins     origins whose pages may call the token, key set, discovery and user endpoints
 * @param seedUsers       users inserted at start-up when their email is not taken yet (as verified)
 * @param emailVerificationTtl how long the link sent at sign-up verifies the address (24 hours by default)
 * @param siteClient      the server-rendered web application's client (services/web): confidential, with a
 *                        secret, authorization code and refresh tokens; its tokens stay on the server
 */
@ConfigurationProperties("hoithao.identity")
public record IdentityProperties(String issuer, Duration accessTokenTtl, String signingKey, Client webClient,
        Client cliClient, List<String> corsOrigins, List<SeedUser> seedUsers, Duration emailVerificationTtl,
        SiteClient siteClient) {

    public static final String DEFAULT_ISSUER = "http://localhost:9000";

    public IdentityProperties {
        issuer = blank(issuer) ? DEFAULT_ISSUER : stripTrailingSlash(issuer.strip());
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
            throw new IllegalArgumentException("hoithao.identity.access-token-ttl must be positive, not " + accessTokenTtl);
        }
        signingKey = blank(signingKey) ? null : signingKey.strip();
        webClient = Client.withDefaults(webClient, "hoithao-web", List.of("http://localhost:5173/callback"),
                List.of("http://localhost:5173/"));
        cliClient = Client.withDefaults(cliClient, "hoithao-cli", List.of("http://127.0.0.1:8765/callback"), List.of());
        corsOrigins = corsOrigins == null ? List.of("http://localhost:5173") : List.copyOf(corsOrigins);
        seedUsers = seedUsers == null ? List.of() : List.copyOf(seedUsers);
        emailVerificationTtl = emailVerificationTtl == null ? Duration.ofHours(24) : emailVerificationTtl;
        if (emailVerificationTtl.isNegative() || emailVerificationTtl.isZero()) {
            throw new IllegalArgumentException("hoithao.identity.email-verification-ttl must be positive, not " + emailVerificationTtl);
        }
        siteClient = SiteClient.withDefaults(siteClient);
    }

    /**
     * A confidential client (HTTP Basic with its secret) of the authorization code flow, with refresh
     * tokens: the web application, which keeps the tokens in its server-side session.
     *
     * @param clientId               its {@code client_id}
     * @param clientSecret           its secret (the development default must be replaced in production)
     * @param redirectUris           where the code may be sent: the site's address (the gateway) + {@code /login/oauth2/code/hoithao}
     * @param postLogoutRedirectUris where RP-initiated logout may return to (the site's home page)
     * @param refreshTokenTtl        how long a refresh token is valid (the longest a sign-in lasts without a new login)
     */
    public record SiteClient(String clientId, String clientSecret, List<String> redirectUris,
            List<String> postLogoutRedirectUris, Duration refreshTokenTtl) {

        public static final String DEFAULT_ID = "hoithao-site";
        public static final String DEFAULT_SECRET = "site-dev-secret";

        static SiteClient withDefaults(SiteClient given) {
            SiteClient g = given == null ? new SiteClient(null, null, null, null, null) : given;
            return new SiteClient(blank(g.clientId()) ? DEFAULT_ID : g.clientId().strip(),
                    blank(g.clientSecret()) ? DEFAULT_SECRET : g.clientSecret(),
                    g.redirectUris() == null || g.redirectUris().isEmpty()
                            ? List.of("http://localhost:8080/login/oauth2/code/hoithao") : List.copyOf(g.redirectUris()),
                    g.postLogoutRedirectUris() == null || g.postLogoutRedirectUris().isEmpty()
                            ? List.of("http://localhost:8080/") : List.copyOf(g.postLogoutRedirectUris()),
                    g.refreshTokenTtl() == null ? Duration.ofHours(12) : g.refreshTokenTtl());
        }
    }

    /**
     * A public client (no secret) of the authorization code flow with PKCE, without a consent screen.
     *
     * @param clientId               its {@code client_id}
     * @param redirectUris           where the code may be sent (exact match; a loopback address matches any port)
     * @param postLogoutRedirectUris where RP-initiated logout may return to
     */
    public record Client(String clientId, List<String> redirectUris, List<String> postLogoutRedirectUris) {

        static Client withDefaults(Client given, String clientId, List<String> redirectUris, List<String> postLogout) {
            if (given == null) {
                return new Client(clientId, redirectUris, postLogout);
            }
            return new Client(blank(given.clientId()) ? clientId : given.clientId().strip(),
                    given.redirectUris() == null || given.redirectUris().isEmpty() ? redirectUris : List.copyOf(given.redirectUris()),
                    given.postLogoutRedirectUris() == null ? postLogout : List.copyOf(given.postLogoutRedirectUris()));
        }
    }

    /**
     * A user inserted at start-up unless one with the email exists (then it is left as it is).
     *
     * @param roles role names: {@code admin}, {@code organiser}, {@code reviewer}, {@code delegate}
     * @param unit   the name of the unit an organiser runs events for (required for organisers)
     * @param unitId the unit's id in the units directory (the tokens' {@code unit_id}); without it the user's unit has
     *               no rights in the services
     */
    public record SeedUser(String email, String password, String fullName, List<String> roles, String unit, String unitId) {
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
