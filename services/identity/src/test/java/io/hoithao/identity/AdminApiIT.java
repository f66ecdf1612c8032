package io.hoithao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.hoithao.identity.security.SigningKeys;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The administrators' part of the user API, behind bearer tokens this server issued. */
class AdminApiIT extends IdentityIT {

    private static final String PROBLEMS = "https://hoithao.io/problems/";

    @Autowired
    RSAKey signingKey;

    @Test
    void withoutATokenTheAnswerIs401WithABearerChallenge() {
        HttpResponse<String> answer = browser.json("GET", "/api/identity/users", null, null);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(type(answer)).isEqualTo(PROBLEMS + "unauthenticated");

        assertThat(browser.json("GET", "/api/identity/users/me", null, null).statusCode()).isEqualTo(401);
        assertThat(browser.json("PUT", "/api/identity/users/admin@hoithao.local/roles", "{\"roles\": [\"admin\"]}", null)
                .statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenSignedByThisServerIs401() throws Exception {
        Instant now = Instant.now();
        String expired = Jwts.mint(signingKey, ISSUER, List.of("hoithao"), "admin@hoithao.local", List.of("admin"),
                now.minusSeconds(3600), now.minusSeconds(600));
        assertInvalidToken(browser.json("GET", "/api/identity/users", null, expired));
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401EvenWithThisServersKeyId() throws Exception {
        RSAKey foreign = new RSAKey.Builder(SigningKeys.generate()).keyID(signingKey.getKeyID()).build();
        Instant now = Instant.now();
        String forged = Jwts.mint(foreign, ISSUER, List.of("hoithao"), "admin@hoithao.local", List.of("admin"),
                now, now.plusSeconds(300));
        assertInvalidToken(browser.json("GET", "/api/identity/users", null, forged));
    }

    @Test
    void aTokenForAnotherAudienceOrFromAnotherIssuerIs401() throws Exception {
        Instant now = Instant.now();
        String otherAudience = Jwts.mint(signingKey, ISSUER, List.of("someone-else"), "admin@hoithao.local", List.of("admin"),
                now, now.plusSeconds(300));
        assertInvalidToken(browser.json("GET", "/api/identity/users", null, otherAudience));

        String otherIssuer = Jwts.mint(signingKey, "https://evil.example", List.of("hoithao"), "admin@hoithao.local",
                List.of("admin"), now, now.plusSeconds(300));
        assertInvalidToken(browser.json("GET", "/api/identity/users", null, otherIssuer));

        assertInvalidToken(browser.json("GET", "/api/identity/users", null, "not-a-jwt"));
    }

    @Test
    void aTokenMintedLikeThisServersIsAcceptedSoTheRefusalsAboveAreAboutTheirFlaw() throws Exception {
        Instant now = Instant.now();
        String good = Jwts.mint(signingKey, ISSUER, List.of("hoithao"), "admin@hoithao.local", List.of("admin"),
                now, now.plusSeconds(300));
        assertThat(browser.json("GET", "/api/identity/users", null, good).statusCode()).isEqualTo(200);
    }

    @Test
    void aDelegateIsForbiddenButReadsThemselves() {
        String email = uniqueEmail("delegate");
        assertThat(browser.json("POST", "/api/identity/users", signUpBody(email), null).statusCode()).isEqualTo(202);
        String delegate = Browser.accessToken(browser.base(), email, "long-enough-password");

        HttpResponse<String> list = browser.json("GET", "/api/identity/users", null, delegate);
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(list.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(type(list)).isEqualTo(PROBLEMS + "forbidden");
        HttpResponse<String> promoteSelf = browser.json("PUT", "/api/identity/users/" + email + "/roles",
                "{\"roles\": [\"admin\"]}", delegate);
        assertThat(promoteSelf.statusCode()).isEqualTo(403);

        HttpResponse<String> me = browser.json("GET", "/api/identity/users/me", null, delegate);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("roles").toString()).isEqualTo("[\"delegate\"]");
    }

    @Test
    void anAdministratorListsUsersByRoleAndPage() {
        String admin = Browser.accessToken(browser.base(), "admin@hoithao.local", "admin-dev-password");

        HttpResponse<String> reviewers = browser.json("GET", "/api/identity/users?role=reviewer", null, admin);
        assertThat(reviewers.statusCode()).as(reviewers.body()).isEqualTo(200);
        JsonNode page = JSON.readTree(reviewers.body());
        assertThat(emails(page)).contains("reviewer@hoithao.local").doesNotContain("admin@hoithao.local");
        assertThat(page.get("total").asLong()).isEqualTo(page.get("items").size());
        assertThat(reviewers.body()).doesNotContain("passwordHash").doesNotContain("bcrypt");

        HttpResponse<String> firstTwo = browser.json("GET", "/api/identity/users?page=0&size=2", null, admin);
        JsonNode first = JSON.readTree(firstTwo.body());
        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(emails(first)).isSorted();

        HttpResponse<String> unknownRole = browser.json("GET", "/api/identity/users?role={\"$gt\":\"\"}".replace("{", "%7B")
                .replace("}", "%7D").replace("\"", "%22"), null, admin);
        assertThat(unknownRole.statusCode()).isEqualTo(400);
        assertThat(type(unknownRole)).isEqualTo(PROBLEMS + "validation");

        HttpResponse<String> badSize = browser.json("GET", "/api/identity/users?size=100000", null, admin);
        assertThat(badSize.statusCode()).isEqualTo(400);
        assertThat(type(badSize)).isEqualTo(PROBLEMS + "validation");
        HttpResponse<String> notANumber = browser.json("GET", "/api/identity/users?page=abc", null, admin);
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(type(notANumber)).isEqualTo(PROBLEMS + "malformed-request");
    }

    @Test
    void promotingADelegateToOrganiserShowsInTheirNextToken() throws Exception {
        String email = uniqueEmail("promoted");
        assertThat(browser.json("POST", "/api/identity/users", signUpBody(email), null).statusCode()).isEqualTo(202);
        String admin = Browser.accessToken(browser.base(), "admin@hoithao.local", "admin-dev-password");

        HttpResponse<String> promoted = browser.json("PUT", "/api/identity/users/" + email.toUpperCase() + "/roles",
                "{\"roles\": [\"organiser\", \"Delegate\"], \"unit\": \" Phòng GD&ĐT Chợ Mới \"}", admin);
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(promoted.body());
        assertThat(view.get("roles").toString()).isEqualTo("[\"organiser\",\"delegate\"]");
        assertThat(view.get("unit").asString()).isEqualTo("Phòng GD&ĐT Chợ Mới");

        JWTClaimsSet claims = Jwts.verified(Browser.accessToken(browser.base(), email, "long-enough-password"),
                browser.get("/oauth2/jwks").body());
        assertThat(claims.getStringListClaim("roles")).containsExactly("organiser", "delegate");
        assertThat(claims.getStringClaim("unit")).isEqualTo("Phòng GD&ĐT Chợ Mới");

        HttpResponse<String> demoted = browser.json("PUT", "/api/identity/users/" + email + "/roles",
                "{\"roles\": [\"reviewer\"]}", admin);
        assertThat(demoted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(demoted.body()).has("unit")).isFalse();
        JWTClaimsSet after = Jwts.verified(Browser.accessToken(browser.base(), email, "long-enough-password"),
                browser.get("/oauth2/jwks").body());
        assertThat(after.getStringListClaim("roles")).containsExactly("reviewer");
        assertThat(after.getClaims()).doesNotContainKey("unit");
    }

    @Test
    void wrongRoleChangesAreRefused() {
        String email = uniqueEmail("unchanged");
        assertThat(browser.json("POST", "/api/identity/users", signUpBody(email), null).statusCode()).isEqualTo(202);
        String admin = Browser.accessToken(browser.base(), "admin@hoithao.local", "admin-dev-password");
        String path = "/api/identity/users/" + email + "/roles";

        HttpResponse<String> noUnit = browser.json("PUT", path, "{\"roles\": [\"organiser\"]}", admin);
        assertThat(noUnit.statusCode()).isEqualTo(400);
        assertThat(type(noUnit)).isEqualTo(PROBLEMS + "validation");
        assertThat(noUnit.body()).contains("\"field\":\"unit\"");

        HttpResponse<String> unknownRole = browser.json("PUT", path, "{\"roles\": [\"delegate\", \"superuser\"]}", admin);
        assertThat(unknownRole.statusCode()).isEqualTo(400);
        assertThat(unknownRole.body()).contains("roles[1]");

        assertThat(browser.json("PUT", path, "{\"roles\": []}", admin).statusCode()).isEqualTo(400);
        assertThat(browser.json("PUT", path, "{\"roles\": [\"admin\"], \"email\": \"x@y.vn\"}", admin).statusCode()).isEqualTo(400);
        assertThat(browser.json("PUT", path, "{\"roles\": \"admin\"}", admin).statusCode()).isEqualTo(400);

        HttpResponse<String> unknownUser = browser.json("PUT", "/api/identity/users/nobody@nowhere.vn/roles",
                "{\"roles\": [\"admin\"]}", admin);
        assertThat(unknownUser.statusCode()).isEqualTo(404);
        assertThat(type(unknownUser)).isEqualTo(PROBLEMS + "not-found");
        assertThat(browser.json("GET", "/api/identity/users/nobody@nowhere.vn", null, admin).statusCode()).isEqualTo(404);

        HttpResponse<String> unchanged = browser.json("GET", "/api/identity/users/" + email, null, admin);
        assertThat(JSON.readTree(unchanged.body()).get("roles").toString()).isEqualTo("[\"delegate\"]");
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        String admin = Browser.accessToken(browser.base(), "admin@hoithao.local", "admin-dev-password");
        HttpResponse<String> nowhere = browser.json("GET", "/api/identity/nowhere", null, admin);
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(type(nowhere)).isEqualTo(PROBLEMS + "not-found");

        HttpResponse<String> delete = browser.json("DELETE", "/api/identity/users", null, admin);
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(type(delete)).isEqualTo(PROBLEMS + "method-not-allowed");
    }

    private void assertInvalidToken(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer").contains("error=\"invalid_token\""));
        assertThat(type(answer)).isEqualTo(PROBLEMS + "invalid-token");
    }

    private static String type(HttpResponse<String> answer) {
        return JSON.readTree(answer.body()).get("type").asString();
    }

    private static List<String> emails(JsonNode page) {
        List<String> emails = new ArrayList<>();
        page.get("items").forEach(item -> emails.add(item.get("email").asString()));
        return emails;
    }

    private static String signUpBody(String email) {
        return "{\"email\": \"" + email + "\", \"password\": \"long-enough-password\", \"fullName\": \"Người Được Thăng\"}";
    }
}
