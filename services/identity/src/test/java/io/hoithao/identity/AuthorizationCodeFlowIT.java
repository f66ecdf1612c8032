package io.hoithao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/** The browser and script flow: authorization code with PKCE through the sign-in form, and what the tokens say. */
class AuthorizationCodeFlowIT extends IdentityIT {

    @Autowired
    RSAKey signingKey;

    @Test
    void aScriptSignsInAndGetsAnAccessTokenThatKeepsTheClaimsContract() throws Exception {
        Instant before = Instant.now();
        JsonNode tokens = browser.signIn("Organiser@BacKan.hoithao.local ", "organiser-dev-password");
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isBetween(TTL_SECONDS - 2, TTL_SECONDS);

        HttpResponse<String> jwks = browser.get("/oauth2/jwks");
        assertThat(jwks.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = Jwts.verified(tokens.get("access_token").asString(), jwks.body());

        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).contains("hoithao", "hoithao-cli");
        assertThat(claims.getSubject()).isEqualTo("organiser@backan.hoithao.local");
        assertThat(claims.getStringClaim("email")).isEqualTo("organiser@backan.hoithao.local");
        assertThat(claims.getStringClaim("name")).isEqualTo("Ban tổ chức Sở GD&ĐT Bắc Kạn");
        assertThat(claims.getStringListClaim("roles")).containsExactly("organiser");
        assertThat(claims.getStringClaim("unit")).isEqualTo("Sở GD&ĐT Bắc Kạn");
        assertThat(claims.getExpirationTime().toInstant().getEpochSecond())
                .isCloseTo(before.plusSeconds(TTL_SECONDS).getEpochSecond(), within(15L));
        assertThat(claims.getIssueTime().toInstant()).isBetween(before.minusSeconds(2), Instant.now().plusSeconds(2));
    }

    @Test
    void anAdministratorsTokenHasNoUnitAndTheIdTokenNamesThePerson() throws Exception {
        JsonNode tokens = browser.signIn("admin@hoithao.local", "admin-dev-password");
        String jwks = browser.get("/oauth2/jwks").body();

        JWTClaimsSet access = Jwts.verified(tokens.get("access_token").asString(), jwks);
        assertThat(access.getStringListClaim("roles")).containsExactly("admin");
        assertThat(access.getClaims()).doesNotContainKey("unit");

        JWTClaimsSet id = Jwts.verified(tokens.get("id_token").asString(), jwks);
        assertThat(id.getIssuer()).isEqualTo(ISSUER);
        assertThat(id.getAudience()).containsExactly("hoithao-cli");
        assertThat(id.getSubject()).isEqualTo("admin@hoithao.local");
        assertThat(id.getStringClaim("email")).isEqualTo("admin@hoithao.local");
        assertThat(id.getStringClaim("name")).isEqualTo("Quản trị hệ thống");
    }

    @Test
    void theKeySetPublishesTheSigningKeyUnderItsThumbprint() throws Exception {
        JsonNode keys = JSON.readTree(browser.get("/oauth2/jwks").body()).get("keys");
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.get(0).get("kid").asString()).isEqualTo(signingKey.computeThumbprint("SHA-256").toString());
        assertThat(keys.get(0).has("d")).as("no private part").isFalse();
    }

    @Test
    void aWrongCodeVerifierGetsNoToken() {
        Browser.Authorization.Code code = browser.code("reviewer@hoithao.local", "reviewer-dev-password");
        HttpResponse<String> refused = browser.token(code.code(), "x".repeat(43));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void aCodeIsGoodForOneTokenOnly() {
        Browser.Authorization.Code code = browser.code("reviewer@hoithao.local", "reviewer-dev-password");
        assertThat(browser.token(code.code(), code.verifier()).statusCode()).isEqualTo(200);
        HttpResponse<String> again = browser.token(code.code(), code.verifier());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(again.body()).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPageWithAnError() {
        Browser.Authorization authorization = browser.authorization();
        assertThat(browser.get(authorization.url()).statusCode()).isEqualTo(302);
        HttpResponse<String> refused = browser.postForm("/login",
                Map.of("username", "admin@hoithao.local", "password", "not-the-password", "_csrf", browser.csrf("/login")));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(Browser.location(refused)).endsWith("/login?error");
        HttpResponse<String> page = browser.get(Browser.location(refused));
        assertThat(page.body()).contains("Wrong email or password");
        // still not signed in: the authorization endpoint sends to the login page again
        HttpResponse<String> again = browser.get(authorization.url());
        assertThat(Browser.location(again)).endsWith("/login");
    }

    @Test
    void signingInWithoutCsrfTokenIsRefused() {
        browser.get("/login");
        HttpResponse<String> refused = browser.postForm("/login", Map.of("username", "admin@hoithao.local", "password", "admin-dev-password"));
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void pkceIsRequired() {
        Browser.Authorization authorization = browser.authorization();
        String withoutChallenge = authorization.url().replaceAll("&code_challenge=[^&]*&code_challenge_method=S256", "");
        HttpResponse<String> refused = browser.get(withoutChallenge);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(Browser.location(refused)).startsWith(Browser.CLI_REDIRECT).contains("error=invalid_request");
    }

    @Test
    void anUnregisteredRedirectIsNeverFollowed() {
        String evil = browser.authorization().url().replace("8765%2Fcallback", "8765%2Fsteal");
        HttpResponse<String> refused = browser.get(evil);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void theDiscoveryDocumentNamesTheConfiguredIssuer() {
        HttpResponse<String> discovery = browser.get("/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(discovery.body());
        assertThat(document.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(document.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(document.get("authorization_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/authorize");
        assertThat(document.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(document.get("code_challenge_methods_supported").toString()).contains("S256");
    }

    @Test
    void theUserInfoEndpointAnswersWithTheAccessToken() {
        String token = browser.signIn("admin@hoithao.local", "admin-dev-password").get("access_token").asString();
        HttpResponse<String> info = browser.json("GET", "/userinfo", null, token);
        assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
        assertThat(JSON.readTree(info.body()).get("sub").asString()).isEqualTo("admin@hoithao.local");
    }

    @Test
    void theSignedInBrowserSeesWhoItIs() {
        browser.signIn("reviewer@hoithao.local", "reviewer-dev-password");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(home.body())).contains("reviewer@hoithao.local").contains("Hội đồng đánh giá");
        assertThat(new Browser(browser.base()).get("/").statusCode()).as("not signed in").isEqualTo(302);
    }

    @Test
    void theFrontEndsOriginMayCallTheTokenEndpointOthersMayNot() {
        HttpResponse<String> allowed = browser.send(java.net.http.HttpRequest.newBuilder(browser.base().resolve("/oauth2/token"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST").build());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");

        HttpResponse<String> refused = browser.send(java.net.http.HttpRequest.newBuilder(browser.base().resolve("/oauth2/token"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").build());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theProbesAreUp() {
        HttpResponse<String> readiness = browser.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).get("status").asString()).isEqualTo("UP");
        assertThat(browser.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(browser.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void theFiguresAreThereForPrometheusWithoutSigningIn() {
        browser.get("/login");
        HttpResponse<String> scrape = browser.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body().lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")))
                .anySatisfy(line -> assertThat(line).contains("application=\"identity\"", "uri=\"/login\""));
    }
}
