package io.hoithao.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiUri       where the suite's APIs are: the gateway (every call goes through it)
 * @param apiTimeout   how long a page waits for an API before it shows the friendly error page
 * @param publicUri    the site's address as people's browsers reach it (the gateway); the sign-in comes back
 *                     to {@code <publicUri>/login/oauth2/code/hoithao} and the sign-out to {@code <publicUri>/}
 * @param issuer       the OpenID Connect issuer (the identity service, or Keycloak's realm), as browsers reach it
 * @param clientId     the site's client at the issuer (confidential)
 * @param clientSecret its secret (development default; set {@code HOITHAO_WEB_CLIENTSECRET} in production)
 * @param authorizationUri where browsers sign in (default: the identity service's {@code <issuer>/oauth2/authorize})
 * @param tokenUri     where this application fetches and refreshes tokens (default {@code <issuer>/oauth2/token})
 * @param jwkSetUri    the issuer's keys, for the ID token (default {@code <issuer>/oauth2/jwks})
 * @param endSessionUri the issuer's RP-initiated logout (default {@code <issuer>/connect/logout})
 * @param accountUri   the person's account (name, email, unit) for the registration form (default the identity
 *                     service's {@code <issuer>/api/identity/users/me}; {@code none}: from the ID token only)
 */
@ConfigurationProperties("hoithao.web")
public record WebProperties(String apiUri, Duration apiTimeout, String publicUri, String issuer, String clientId,
                            String clientSecret, String authorizationUri, String tokenUri, String jwkSetUri,
                            String endSessionUri, String accountUri) {

    public WebProperties {
        apiUri = strip(apiUri == null || apiUri.isBlank() ? "http://localhost:8080" : apiUri);
        apiTimeout = apiTimeout == null ? Duration.ofSeconds(10) : apiTimeout;
        publicUri = strip(publicUri == null || publicUri.isBlank() ? apiUri : publicUri);
        issuer = strip(issuer == null || issuer.isBlank() ? "http://localhost:9000" : issuer);
        clientId = clientId == null || clientId.isBlank() ? "hoithao-site" : clientId.strip();
        clientSecret = clientSecret == null || clientSecret.isBlank() ? "site-dev-secret" : clientSecret;
        authorizationUri = or(authorizationUri, issuer + "/oauth2/authorize");
        tokenUri = or(tokenUri, issuer + "/oauth2/token");
        jwkSetUri = or(jwkSetUri, issuer + "/oauth2/jwks");
        endSessionUri = or(endSessionUri, issuer + "/connect/logout");
        accountUri = or(accountUri, issuer + "/api/identity/users/me");
    }

    /** Whether the account comes from the identity service's user API (not with Keycloak). */
    public boolean hasAccountApi() {
        return !"none".equalsIgnoreCase(accountUri);
    }

    private static String or(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    private static String strip(String uri) {
        String u = uri.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
