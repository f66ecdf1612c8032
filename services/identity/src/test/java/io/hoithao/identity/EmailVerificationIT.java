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
    private static final String CHOSEN = "the-owners-own-password";

    @Autowired
    RecordingMailer mailer;

    @Autowired
    UserDirectory users;

    @Test
    void aSignUpIsUnverifiedUntilTheMailboxConfirmsItByThePagesButtonAndTheLinkWorksOnce() throws Exception {
        String email = uniqueEmail("verify");
        HttpResponse<String> created = signUp(email);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
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

        // Opening the link (a mail scanner, a preview, her click) only shows the form: nothing changes.
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> opened = new Browser(browser.base()).get(local(link));
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
            assertThat(HtmlUtils.htmlUnescape(opened.body())).contains(email).contains("Confirm my email and set the password")
                    .contains("name=\"password\"");
        }
        assertThat(users.find(email).orElseThrow()).isEqualTo(pending);
        // The button posts with the page's CSRF token; without it nothing changes either.
        HttpResponse<String> forged = browser.postForm("/verify-email", Map.of("token", token, "password", "forged-password-1"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(users.find(email).orElseThrow()).isEqualTo(pending);
        // A password breaking the sign-up's rules: the form again, nothing changes.
        HttpResponse<String> opened = browser.get(local(link));
        HttpResponse<String> tooShort = browser.postForm("/verify-email", Map.of("token", token, "password", "short",
                "_csrf", Browser.csrfOf(opened.body())));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("10 to 128 characters");
        assertThat(users.find(email).orElseThrow()).isEqualTo(pending);

        HttpResponse<String> confirmed = browser.postForm("/verify-email", Map.of("token", token, "password", CHOSEN,
                "fullName", "Người Thật", "_csrf", Browser.csrfOf(opened.body())));
        assertThat(Browser.location(confirmed)).endsWith("/login?verified");

        UserAccount verified = users.find(email).orElseThrow();
        assertThat(verified.emailVerified()).isTrue();
        assertThat(verified.verification()).isNull();
        assertThat(verified.fullName()).isEqualTo("Người Thật");
        JsonNode tokens = new Browser(browser.base()).signIn(email, CHOSEN);
        String jwks = browser.get("/oauth2/jwks").body();
        assertThat(Jwts.verified(tokens.get("access_token").asString(), jwks).getBooleanClaim("email_verified")).isTrue();
        assertThat(Jwts.verified(tokens.get("id_token").asString(), jwks).getBooleanClaim("email_verified")).isTrue();
        assertThat(signInFails(email, PASSWORD)).as("the sign-up's password is replaced").isTrue();

        HttpResponse<String> again = new Browser(browser.base()).get(local(link));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalid, already used or expired");
        HttpResponse<String> reused = browser.postForm("/verify-email", Map.of("token", token, "password", "another-password",
                "_csrf", browser.csrf("/login")));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(users.find(email).orElseThrow()).isEqualTo(verified);
    }

    @Test
    void aSquatterNeverGetsTheAddressTheRealOwnerEndsUpWithTheAccountAndHerPassword() throws Exception {
        String email = uniqueEmail("owner");
        // The squatter signs up first with her address and his password, and signs in (the session stays open).
        assertThat(signUp(email).statusCode()).isEqualTo(202);
        URI squattersLink = mailer.linkFor(email);
        Browser squatter = new Browser(browser.base());
        JsonNode squattersTokens = squatter.signIn(email, PASSWORD);
        assertThat(Jwts.verified(squattersTokens.get("access_token").asString(), browser.get("/oauth2/jwks").body())
                .getBooleanClaim("email_verified")).isFalse();

        // She signs up too: the very same answer as for a new address (no 409 telling her someone is there).
        HttpResponse<String> hers = browser.json("POST", "/api/identity/users",
                "{\"email\": \"" + email + "\", \"password\": \"" + CHOSEN + "\", \"fullName\": \"Chủ Thật\"}", null);
        assertThat(hers.statusCode()).isEqualTo(202);
        assertThat(hers.body()).isEqualTo(signUp(uniqueEmail("fresh")).body().replaceAll("fresh-[^\"]*", email));
        URI link = mailer.linkFor(email);
        assertThat(link).isNotEqualTo(squattersLink);
        assertThat(new Browser(browser.base()).get(local(squattersLink)).statusCode()).as("the older link is void").isEqualTo(400);

        // Her mail scanner fetches the link; an administrator "verifies" her: neither verifies the address.
        assertThat(new Browser(browser.base()).get(local(link)).statusCode()).isEqualTo(200);
        String admin = Browser.accessToken(browser.base(), "admin@hoithao.local", "admin-dev-password");
        HttpResponse<String> vouched = browser.json("POST", "/api/identity/users/" + email + "/verification", null, admin);
        assertThat(vouched.statusCode()).as(vouched.body()).isEqualTo(202);
        assertThat(JSON.readTree(vouched.body()).get("emailVerified").asBoolean()).isFalse();
        assertThat(users.find(email).orElseThrow().emailVerified()).isFalse();
        link = mailer.linkFor(email); // the administrator had a new link sent

        // She opens the link and confirms with the password she chooses.
        HttpResponse<String> page = browser.get(local(link));
        HttpResponse<String> confirmed = browser.postForm("/verify-email", Map.of("token", link.getRawQuery().substring(6),
                "password", CHOSEN, "fullName", "Chủ Thật", "_csrf", Browser.csrfOf(page.body())));
        assertThat(Browser.location(confirmed)).endsWith("/login?verified");

        // The squatter's password no longer signs in, and his open session gets no token any more.
        assertThat(signInFails(email, PASSWORD)).isTrue();
        Browser.Authorization again = squatter.authorization();
        HttpResponse<String> withCode = squatter.get(again.url());
        assertThat(withCode.statusCode()).isEqualTo(302);
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("[?&]code=([^&]+)").matcher(Browser.location(withCode));
        assertThat(code.find()).isTrue();
        HttpResponse<String> refused = squatter.token(java.net.URLDecoder.decode(code.group(1), java.nio.charset.StandardCharsets.UTF_8),
                again.verifier());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant").doesNotContain("access_token");

        // The account is hers: her password, verified, her name.
        JsonNode tokens = new Browser(browser.base()).signIn(email, CHOSEN);
        JWTClaimsSet claims = Jwts.verified(tokens.get("access_token").asString(), browser.get("/oauth2/jwks").body());
        assertThat(claims.getBooleanClaim("email_verified")).isTrue();
        assertThat(claims.getStringClaim("name")).isEqualTo("Chủ Thật");
        assertThat(usersWithEmail(email)).isEqualTo(1);
    }

    @Test
    void aSignUpForAVerifiedAddressChangesNothingAndMailsItsOwnerAResetLink() throws Exception {
        String email = uniqueEmail("known");
        users.createVerified(email, CHOSEN, "Chủ Tài Khoản", null, null, java.util.Set.of(io.hoithao.platform.security.Role.DELEGATE));
        UserAccount before = users.find(email).orElseThrow();
        HttpResponse<String> unknown = signUp(uniqueEmail("unknown"));
        HttpResponse<String> known = signUp(email);
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body().replaceAll("unknown-[^\"]*", email));
        assertThat(mailer.linkFor(email)).as("no verification link for a verified address").isNull();
        org.bson.Document stored = mongo.findOne(Query.query(Criteria.where("email").is(email)), org.bson.Document.class,
                UserAccount.COLLECTION);
        assertThat(stored.get("passwordReset")).as("a reset link is mailed to the owner instead").isNotNull();
        assertThat(stored.getList("outbox", org.bson.Document.class).toString()).contains("PasswordResetRequested");
        UserAccount after = users.find(email).orElseThrow();
        assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
        assertThat(after.fullName()).isEqualTo(before.fullName());
        assertThat(signInFails(email, PASSWORD)).isTrue();
    }

    @Test
    void aWrongOrMissingOrExpiredTokenFailsAndChangesNothing() throws Exception {
        String email = uniqueEmail("expired");
        assertThat(signUp(email).statusCode()).isEqualTo(202);
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
        HttpResponse<String> posted = browser.postForm("/verify-email", Map.of("token", wrong, "password", CHOSEN,
                "_csrf", browser.csrf("/login")));
        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(users.find(email).orElseThrow()).isEqualTo(before);

        HttpResponse<String> page = browser.get(local(link));
        Instant past = Instant.now().minusSeconds(1);
        mongo.updateFirst(Query.query(Criteria.where("email").is(email)), new Update().set("verification.expiresAt", past),
                UserAccount.class);
        UserAccount expired = users.find(email).orElseThrow();
        assertThat(browser.get(local(link)).statusCode()).isEqualTo(400);
        HttpResponse<String> late = browser.postForm("/verify-email", Map.of("token", link.getRawQuery().substring(6),
                "password", CHOSEN, "_csrf", Browser.csrfOf(page.body())));
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

        HttpResponse<String> again = browser.postForm("/signup", Map.of("email", email, "password", PASSWORD,
                "fullName", "Phạm Minh", "_csrf", browser.csrf("/signup")));
        assertThat(Browser.location(again)).as("the same answer, no 'already registered'").endsWith("/login?registered");

        Browser her = new Browser(browser.base());
        URI link = mailer.linkFor(email);
        HttpResponse<String> page = her.get(local(link));
        assertThat(her.postForm("/verify-email", Map.of("token", link.getRawQuery().substring(6), "password", PASSWORD,
                "_csrf", Browser.csrfOf(page.body()))).statusCode()).isEqualTo(302);
        assertThat(claims(email, "access_token").getBooleanClaim("email_verified")).isTrue();
    }

    @Test
    void anAdministratorsVerifySendsANewLinkAndOnlyAnAdministratorMayAsk() throws Exception {
        String email = uniqueEmail("vouched");
        assertThat(signUp(email).statusCode()).isEqualTo(202);
        URI first = mailer.linkFor(email);
        String path = "/api/identity/users/" + email + "/verification";

        HttpResponse<String> anonymous = browser.json("POST", path, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/unauthenticated");

        String delegate = Browser.accessToken(browser.base(), email, PASSWORD);
        HttpResponse<String> self = browser.json("POST", path, null, delegate);
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(self.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/forbidden");

        String admin = Browser.accessToken(browser.base(), "admin@hoithao.local", "admin-dev-password");
        HttpResponse<String> unknown = browser.json("POST", "/api/identity/users/" + uniqueEmail("nobody") + "/verification", null, admin);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/not-found");

        HttpResponse<String> resent = browser.json("POST", "/api/identity/users/" + email.toUpperCase() + "/verification", null, admin);
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
        JsonNode user = JSON.readTree(resent.body());
        assertThat(user.get("email").asString()).isEqualTo(email);
        assertThat(user.get("emailVerified").asBoolean()).isFalse();
        assertThat(resent.body()).doesNotContain("token");
        assertThat(users.find(email).orElseThrow().emailVerified()).isFalse();
        URI second = mailer.linkFor(email);
        assertThat(second).isNotEqualTo(first);
        assertThat(browser.get(local(first)).statusCode()).as("the earlier link is replaced").isEqualTo(400);

        HttpResponse<String> page = browser.get(local(second));
        browser.postForm("/verify-email", Map.of("token", second.getRawQuery().substring(6), "password", PASSWORD,
                "_csrf", Browser.csrfOf(page.body())));
        assertThat(claims(email, "access_token").getBooleanClaim("email_verified")).isTrue();
        HttpResponse<String> verified = browser.json("POST", path, null, admin);
        assertThat(verified.statusCode()).as("verified: 200, no change").isEqualTo(200);
        assertThat(JSON.readTree(verified.body()).get("emailVerified").asBoolean()).isTrue();
    }

    @Test
    void anAdministratorMakesAVerifiedAccountForSomeoneAndOnlyAnAdministrator() throws Exception {
        String email = uniqueEmail("made");
        String body = "{\"email\": \"" + email + "\", \"password\": \"" + CHOSEN + "\", \"fullName\": \"Giáo Viên\"}";
        assertThat(browser.json("POST", "/api/identity/accounts", body, null).statusCode()).isEqualTo(401);
        assertThat(browser.json("POST", "/api/identity/accounts", body,
                Browser.accessToken(browser.base(), "reviewer@hoithao.local", "reviewer-dev-password")).statusCode()).isEqualTo(403);
        assertThat(usersWithEmail(email)).isZero();

        String admin = Browser.accessToken(browser.base(), "admin@hoithao.local", "admin-dev-password");
        HttpResponse<String> made = browser.json("POST", "/api/identity/accounts", body, admin);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(made.headers().firstValue("Location")).hasValue("/api/identity/users/" + email);
        assertThat(JSON.readTree(made.body()).get("emailVerified").asBoolean()).isTrue();
        assertThat(JSON.readTree(made.body()).get("roles").toString()).isEqualTo("[\"delegate\"]");
        assertThat(claims(email, CHOSEN, "access_token").getBooleanClaim("email_verified")).isTrue();
        HttpResponse<String> again = browser.json("POST", "/api/identity/accounts", body, admin);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/duplicate");
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
        return claims(email, PASSWORD, which);
    }

    private JWTClaimsSet claims(String email, String password, String which) throws Exception {
        JsonNode tokens = new Browser(browser.base()).signIn(email, password);
        return Jwts.verified(tokens.get(which).asString(), browser.get("/oauth2/jwks").body());
    }

    /** Whether the sign-in form refuses the password (a fresh browser). */
    private boolean signInFails(String email, String password) {
        Browser fresh = new Browser(browser.base());
        fresh.get(fresh.authorization().url());
        HttpResponse<String> answer = fresh.postForm("/login", Map.of("username", email, "password", password,
                "_csrf", fresh.csrf("/login")));
        return Browser.location(answer).endsWith("/login?error");
    }

    /** The link as sent names the configured issuer; the test server listens elsewhere. */
    private static String local(URI link) {
        return link.getRawPath() + "?" + link.getRawQuery();
    }
}
