package io.hoithao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.hoithao.identity.user.UserAccount;
import io.hoithao.identity.user.UserDirectory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * A sign-up's email is unverified until the link sent to it is opened (once, in time) or an
 * administrator verifies it; the tokens say which ({@code email_verified}).
 */
class EmailVerificationIT extends IdentityIT {

    private static final String PASSWORD = "long-enough-password";

    @Autowired
    RecordingMailer mailer;

    @Autowired
    UserDirectory users;

    @Test
    void aSignUpIsUnverifiedUntilItsLinkIsOpenedAndTheLinkWorksOnce() throws Exception {
        String email = uniqueEmail("verify");
        HttpResponse<String> created = signUp(email);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("emailVerified").asBoolean()).isFalse();
        assertThat(created.body()).doesNotContain("verification").doesNotContain("tokenHash");

        assertThat(claims(email, "access_token").getBooleanClaim("email_verified")).isFalse();
        assertThat(claims(email, "id_token").getBooleanClaim("email_verified")).isFalse();

        URI link = mailer.linkFor(email);
        assertThat(link).as("a link was sent").isNotNull();
        assertThat(link.toString()).startsWith(ISSUER + "/verify-email?token=");
        String token = link.getRawQuery().substring("token=".length());
        assertThat(token).hasSizeGreaterThanOrEqualTo(22); // at least 128 random bits, base64url
        UserAccount pending = users.find(email).orElseThrow();
        assertThat(pending.emailVerified()).isFalse();
        assertThat(pending.verification().tokenHash()).hasSize(64).isNotEqualTo(token).doesNotContain(token);
        assertThat(pending.verification().expiresAt()).isBetween(Instant.now().plusSeconds(24 * 3600 - 60),
                Instant.now().plusSeconds(24 * 3600 + 60));

        HttpResponse<String> opened = browser.get(local(link));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(opened.body())).contains("Your email address is verified").contains(email);

        UserAccount verified = users.find(email).orElseThrow();
        assertThat(verified.emailVerified()).isTrue();
        assertThat(verified.verification()).isNull();
        assertThat(claims(email, "access_token").getBooleanClaim("email_verified")).isTrue();
        assertThat(claims(email, "id_token").getBooleanClaim("email_verified")).isTrue();
        String bearer = Browser.accessToken(browser.base(), email, PASSWORD);
        assertThat(JSON.readTree(browser.json("GET", "/api/identity/users/me", null, bearer).body())
                .get("emailVerified").asBoolean()).isTrue();

        HttpResponse<String> again = new Browser(browser.base()).get(local(link));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalid, already used or expired");
        assertThat(users.find(email).orElseThrow()).isEqualTo(verified);
    }

    @Test
    void aWrongOrMissingOrExpiredTokenFailsAndChangesNothing() throws Exception {
        String email = uniqueEmail("expired");
        assertThat(signUp(email).statusCode()).isEqualTo(201);
        URI link = mailer.linkFor(email);
        UserAccount before = users.find(email).orElseThrow();

        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String wrong = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        for (String path : List.of("/verify-email?token=" + wrong, "/verify-email", "/verify-email?token=",
                "/verify-email?token=%7B%22%24ne%22%3Anull%7D", "/verify-email?token=" + before.verification().tokenHash())) {
            HttpResponse<String> refused = browser.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(refused.body()).as(path).contains("invalid, already used or expired");
        }
        assertThat(users.find(email).orElseThrow()).isEqualTo(before);

        Instant past = Instant.now().minusSeconds(1);
        mongo.updateFirst(Query.query(Criteria.where("email").is(email)), new Update().set("verification.expiresAt", past),
                UserAccount.class);
        UserAccount expired = users.find(email).orElseThrow();
        HttpResponse<String> late = browser.get(local(link));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(users.find(email).orElseThrow()).isEqualTo(expired);
        assertThat(expired.emailVerified()).isFalse();
        assertThat(claims(email, "access_token").getBooleanClaim("email_verified")).isFalse();
    }

    @Test
    void theSignUpPageMakesAnUnverifiedUserAndSendsTheLink() throws Exception {
        String email = uniqueEmail("page");
        HttpResponse<String> created = browser.postForm("/signup", Map.of("email", email, "password", PASSWORD,
                "fullName", "Phạm Minh", "_csrf", browser.csrf("/signup")));
        assertThat(Browser.location(created)).endsWith("/login?registered");
        assertThat(users.find(email).orElseThrow().emailVerified()).isFalse();
        assertThat(claims(email, "access_token").getBooleanClaim("email_verified")).isFalse();

        assertThat(new Browser(browser.base()).get(local(mailer.linkFor(email))).statusCode()).isEqualTo(200);
        assertThat(claims(email, "access_token").getBooleanClaim("email_verified")).isTrue();
    }

    @Test
    void anAdministratorVerifiesSomeoneAndOnlyAnAdministrator() throws Exception {
        String email = uniqueEmail("vouched");
        assertThat(signUp(email).statusCode()).isEqualTo(201);
        String path = "/api/identity/users/" + email + "/verification";

        HttpResponse<String> anonymous = browser.json("POST", path, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/unauthenticated");

        String delegate = Browser.accessToken(browser.base(), email, PASSWORD);
        HttpResponse<String> self = browser.json("POST", path, null, delegate);
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(self.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/forbidden");
        assertThat(users.find(email).orElseThrow().emailVerified()).isFalse();

        String admin = Browser.accessToken(browser.base(), "admin@hoithao.local", "admin-dev-password");
        HttpResponse<String> unknown = browser.json("POST", "/api/identity/users/" + uniqueEmail("nobody") + "/verification", null, admin);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/not-found");

        HttpResponse<String> verified = browser.json("POST", "/api/identity/users/" + email.toUpperCase() + "/verification", null, admin);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        JsonNode user = JSON.readTree(verified.body());
        assertThat(user.get("email").asString()).isEqualTo(email);
        assertThat(user.get("emailVerified").asBoolean()).isTrue();
        assertThat(user.get("roles").toString()).isEqualTo("[\"delegate\"]");
        assertThat(verified.body()).doesNotContain("verification");
        assertThat(browser.json("POST", path, null, admin).statusCode()).as("again: no change, still 200").isEqualTo(200);

        assertThat(claims(email, "access_token").getBooleanClaim("email_verified")).isTrue();
        assertThat(JSON.readTree(browser.json("GET", "/api/identity/users/" + email, null, admin).body())
                .get("emailVerified").asBoolean()).isTrue();
        // the pending link was withdrawn with it
        assertThat(browser.get(local(mailer.linkFor(email))).statusCode()).isEqualTo(400);
    }

    @Test
    void theSeededUsersAreVerified() throws Exception {
        for (String email : List.of("admin@hoithao.local", "organiser@backan.hoithao.local", "reviewer@hoithao.local")) {
            assertThat(users.find(email).orElseThrow().emailVerified()).as(email).isTrue();
        }
        JsonNode tokens = browser.signIn("organiser@backan.hoithao.local", "organiser-dev-password");
        String jwks = browser.get("/oauth2/jwks").body();
        assertThat(Jwts.verified(tokens.get("access_token").asString(), jwks).getBooleanClaim("email_verified")).isTrue();
        assertThat(Jwts.verified(tokens.get("id_token").asString(), jwks).getBooleanClaim("email_verified")).isTrue();
    }

    @Test
    void anEmailThatIsNotPlainAsciiIsRefused() {
        for (String email : List.of("bınh@truong.edu.vn", "jameſ@truong.edu.vn", "  BıNH@truong.edu.vn ", "hà@truong.edu.vn")) {
            HttpResponse<String> refused = signUp(email);
            assertThat(refused.statusCode()).as(email).isEqualTo(400);
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.get("type").asString()).isEqualTo("https://hoithao.io/problems/validation");
            List<String> fields = new ArrayList<>();
            problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
            assertThat(fields).as(email).contains("email").containsOnly("email");
            assertThat(mailer.linkFor(email.strip().toLowerCase(java.util.Locale.ROOT))).isNull();
        }
        assertThat(usersWithEmail("bınh@truong.edu.vn")).isZero();
        assertThat(usersWithEmail("jameſ@truong.edu.vn")).isZero();

        HttpResponse<String> page = browser.postForm("/signup", Map.of("email", "bınh@truong.edu.vn", "password", PASSWORD,
                "fullName", "Bình", "_csrf", browser.csrf("/signup")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(page.body())).contains("must contain only ASCII characters");
        assertThat(usersWithEmail("bınh@truong.edu.vn")).isZero();
    }

    private HttpResponse<String> signUp(String email) {
        return browser.json("POST", "/api/identity/users",
                "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"fullName\": \"Người Thử\"}", null);
    }

    /** The claims of a fresh sign-in's access or ID token, checked against the key set. */
    private JWTClaimsSet claims(String email, String which) throws Exception {
        JsonNode tokens = new Browser(browser.base()).signIn(email, PASSWORD);
        return Jwts.verified(tokens.get(which).asString(), browser.get("/oauth2/jwks").body());
    }

    /** The link as sent names the configured issuer; the test server listens elsewhere. */
    private static String local(URI link) {
        return link.getRawPath() + "?" + link.getRawQuery();
    }
}
