package io.hoithao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.hoithao.identity.user.UserAccount;
import io.hoithao.identity.user.UserDirectory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/** Delegates sign themselves up, by the JSON API or the sign-up page, and can then sign in. */
class SignUpIT extends IdentityIT {

    @Autowired
    UserDirectory users;

    @Test
    void aDelegateSignsUpThenSignsInWithTheDelegateRoleOnly() throws Exception {
        String email = uniqueEmail("ha.le");
        HttpResponse<String> created = browser.json("POST", "/api/identity/users", """
                {"email": "  %s ", "password": "lop-hoc-hanh-phuc", "fullName": " Lê Thị Thu Hà ", "unit": "Trường Mầm non Đồng Tâm"}
                """.formatted(email.toUpperCase()), null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        assertThat(created.headers().firstValue("Location")).isEmpty();
        JsonNode answer = JSON.readTree(created.body());
        assertThat(answer.get("email").asString()).isEqualTo(email);
        assertThat(answer.has("id")).as("nothing about an account").isFalse();
        assertThat(created.body()).doesNotContain("$2a$").doesNotContain("bcrypt");

        UserAccount stored = users.find(email).orElseThrow();
        assertThat(stored.fullName()).isEqualTo("Lê Thị Thu Hà");
        // what she typed is a request for whoever confirms her unit, not her unit
        assertThat(stored.requestedUnit()).isEqualTo("Trường Mầm non Đồng Tâm");
        assertThat(stored.unit()).isNull();
        assertThat(stored.unitId()).isNull();
        assertThat(stored.roles()).extracting(Enum::name).containsExactly("DELEGATE");
        assertThat(stored.passwordHash()).startsWith("{bcrypt}$2").doesNotContain("lop-hoc-hanh-phuc");

        String token = Browser.accessToken(browser.base(), email, "lop-hoc-hanh-phuc");
        JWTClaimsSet claims = Jwts.verified(token, browser.get("/oauth2/jwks").body());
        assertThat(claims.getSubject()).isEqualTo(email);
        assertThat(claims.getStringListClaim("roles")).containsExactly("delegate");
        assertThat(claims.getClaims()).as("a unit declared at sign-up is only a request").doesNotContainKeys("unit", "unit_id");
        assertThat(claims.getStringClaim("name")).isEqualTo("Lê Thị Thu Hà");

        HttpResponse<String> me = browser.json("GET", "/api/identity/users/me", null, token);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("email").asString()).isEqualTo(email);
    }

    @Test
    void theSameEmailInAnotherCaseGetsTheSameAnswerAndNoSecondUser() {
        String email = uniqueEmail("duplicate");
        HttpResponse<String> first = signUp(email);
        assertThat(first.statusCode()).isEqualTo(202);

        HttpResponse<String> again = signUp(" " + email.toUpperCase());
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(usersWithEmail(email)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentSignUpsWithOneEmailMakeExactlyOneUser() throws Exception {
        String email = uniqueEmail("race");
        int contenders = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                Browser contender = new Browser(browser.base());
                answers.add(pool.submit(() -> {
                    start.await();
                    return contender.json("POST", "/api/identity/users", body(email, "Contender"), null).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).as("the same answer for all: nobody learns who came first").containsOnly(202);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        }
        assertThat(usersWithEmail(email)).isEqualTo(1);
    }

    @Test
    void rolesOrAnIdInTheBodyAreRefusedAndNothingIsStored() {
        String email = uniqueEmail("sneaky");
        HttpResponse<String> withRoles = browser.json("POST", "/api/identity/users", """
                {"email": "%s", "password": "long-enough-password", "fullName": "Sneaky", "roles": ["admin"]}
                """.formatted(email), null);
        assertThat(withRoles.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(withRoles.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://hoithao.io/problems/malformed-request");
        assertThat(problem.get("property").asString()).isEqualTo("roles");

        HttpResponse<String> withId = browser.json("POST", "/api/identity/users", """
                {"id": "000000000000000000000001", "email": "%s", "password": "long-enough-password", "fullName": "Sneaky"}
                """.formatted(email), null);
        assertThat(withId.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(withId.body()).get("property").asString()).isEqualTo("id");

        assertThat(usersWithEmail(email)).isZero();
    }

    @Test
    void operatorsInTheBodyAreRefusedOrStoredAsPlainText() {
        HttpResponse<String> emailOperator = browser.json("POST", "/api/identity/users",
                "{\"email\": {\"$gt\": \"\"}, \"password\": \"long-enough-password\", \"fullName\": \"X\"}", null);
        assertThat(emailOperator.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(emailOperator.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/malformed-request");

        String email = uniqueEmail("operator");
        HttpResponse<String> passwordOperator = browser.json("POST", "/api/identity/users",
                "{\"email\": \"" + email + "\", \"password\": {\"$ne\": null}, \"fullName\": \"X\"}", null);
        assertThat(passwordOperator.statusCode()).isEqualTo(400);
        assertThat(usersWithEmail(email)).isZero();

        HttpResponse<String> textual = browser.json("POST", "/api/identity/users", """
                {"email": "%s", "password": "{\\"$gt\\": \\"\\"}-password", "fullName": "{\\"$where\\": \\"sleep(1000)\\"}", "unit": "$ne"}
                """.formatted(email), null);
        assertThat(textual.statusCode()).as(textual.body()).isEqualTo(202);
        UserAccount stored = users.find(email).orElseThrow();
        assertThat(stored.fullName()).isEqualTo("{\"$where\": \"sleep(1000)\"}");
        assertThat(stored.requestedUnit()).isEqualTo("$ne");
        // the operator-looking password is just this user's password
        assertThat(Browser.accessToken(browser.base(), email, "{\"$gt\": \"\"}-password")).isNotBlank();

        HttpResponse<String> emailAsText = browser.json("POST", "/api/identity/users",
                "{\"email\": \"{\\\"$gt\\\": \\\"\\\"}\", \"password\": \"long-enough-password\", \"fullName\": \"X\"}", null);
        assertThat(emailAsText.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(emailAsText.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/validation");
    }

    @Test
    void invalidFieldsAreListedInOneProblem() {
        HttpResponse<String> invalid = browser.json("POST", "/api/identity/users", """
                {"email": "not-an-email", "password": "short", "fullName": "  ", "unit": "%s"}
                """.formatted("u".repeat(201)), null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(invalid.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://hoithao.io/problems/validation");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactly("email", "fullName", "password", "unit");

        HttpResponse<String> tooLong = signUpWithPassword(uniqueEmail("long"), "p".repeat(129));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(signUpWithPassword(uniqueEmail("exact"), "p".repeat(10)).statusCode()).isEqualTo(202);
        assertThat(signUpWithPassword(uniqueEmail("exact"), "p".repeat(128)).statusCode()).isEqualTo(202);
    }

    @Test
    void aLongPasswordCountsWholeNotJustItsFirst72Bytes() {
        String email = uniqueEmail("long-password");
        String password = "mật-khẩu-rất-dài-".repeat(8).substring(0, 128); // 128 characters, far more than 72 bytes
        assertThat(signUpWithPassword(email, password).statusCode()).isEqualTo(202);
        assertThat(users.find(email).orElseThrow().passwordHash()).startsWith("{pbkdf2@SpringSecurity_v5_8}");
        assertThat(Browser.accessToken(browser.base(), email, password)).isNotBlank();

        browser.get(browser.authorization().url());
        HttpResponse<String> sameFirst72Bytes = browser.postForm("/login", Map.of("username", email,
                "password", password.substring(0, 100) + "x".repeat(28), "_csrf", browser.csrf("/login")));
        assertThat(Browser.location(sameFirst72Bytes)).endsWith("/login?error");
    }

    @Test
    void notJsonIsAProblemNotAServerError() {
        HttpResponse<String> broken = browser.json("POST", "/api/identity/users", "{\"email\": ", null);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(broken.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/malformed-request");

        HttpResponse<String> form = browser.postForm("/api/identity/users", Map.of("email", "a@b.vn"));
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(form.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/unsupported-media-type");

        HttpResponse<String> array = browser.json("POST", "/api/identity/users", "[]", null);
        assertThat(array.statusCode()).isEqualTo(400);
    }

    @Test
    void theSignUpPageCreatesADelegateWhoCanThenSignIn() {
        String email = uniqueEmail("form");
        String csrf = browser.csrf("/signup");
        HttpResponse<String> created = browser.postForm("/signup", Map.of("email", email, "password", "trang-dang-ky-1",
                "fullName", "Nguyễn Văn An", "unit", "", "roles", "admin", "_csrf", csrf));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(Browser.location(created)).endsWith("/login?registered");
        assertThat(browser.get(Browser.location(created)).body()).contains("Open the mail just sent to your address");

        UserAccount stored = users.find(email).orElseThrow();
        assertThat(stored.roles()).extracting(Enum::name).containsExactly("DELEGATE");
        assertThat(stored.unit()).isNull();
        assertThat(stored.requestedUnit()).isNull();
        assertThat(stored.fullName()).isEqualTo("Nguyễn Văn An");
        String token = Browser.accessToken(browser.base(), email, "trang-dang-ky-1");
        assertThat(token).isNotBlank();
    }

    @Test
    void theSignUpPageShowsMistakesAndKeepsWhatWasTyped() {
        String email = uniqueEmail("mistake");
        HttpResponse<String> invalid = browser.postForm("/signup", Map.of("email", email, "password", "short",
                "fullName", "Trần Thị Bình", "_csrf", browser.csrf("/signup")));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(invalid.body())).contains("must be 10 to 128 characters").contains("Trần Thị Bình").contains(email)
                .doesNotContain("value=\"short\"");
        assertThat(usersWithEmail(email)).isZero();

        // an address with an account gets the same answer as a new one: the page says nothing about it
        HttpResponse<String> known = browser.postForm("/signup", Map.of("email", "ADMIN@hoithao.local",
                "password", "long-enough-password", "fullName", "Someone", "_csrf", Browser.csrfOf(invalid.body())));
        assertThat(known.statusCode()).isEqualTo(302);
        assertThat(Browser.location(known)).endsWith("/login?registered");
        assertThat(known.body()).doesNotContain("already registered");
    }

    @Autowired
    io.hoithao.identity.unit.KnownUnits units;

    /**
     * The unit is chosen from the directory, not typed: the page offers the units this service has learnt (a select
     * with its label), and the choice is stored as a request for an organiser or administrator to confirm, with the
     * unit's name as the directory has it. Two schools whose names fold alike are two choices; an id that is no unit
     * of the directory is refused on the page, and nothing is stored.
     */
    @Test
    void theSignUpPageOffersTheDirectorysUnitsAndTheChoiceIsARequest() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String hoa = "hoa-" + tag;
        String acute = "hoa-sac-" + tag;
        units.apply(new io.hoithao.contracts.units.UnitCreated(java.util.UUID.randomUUID(), java.time.Instant.now(), "-", hoa,
                "Trường Mầm non Tân Hòa " + tag, "MN Tân Hòa", "SCHOOL", "SCHOOL", null, 0));
        units.apply(new io.hoithao.contracts.units.UnitCreated(java.util.UUID.randomUUID(), java.time.Instant.now(), "-", acute,
                "Trường Mầm non Tân Hóa " + tag, "MN Tân Hóa", "SCHOOL", "SCHOOL", null, 0));

        String page = HtmlUtils.htmlUnescape(browser.get("/signup").body());
        assertThat(page).contains("<label for=\"unitId\">").contains("id=\"unitId\" name=\"unitId\">")
                .contains("<option value=\"" + hoa + "\">Trường Mầm non Tân Hòa " + tag + "</option>")
                .contains("<option value=\"" + acute + "\">Trường Mầm non Tân Hóa " + tag + "</option>")
                .doesNotContain("name=\"unit\"");

        String email = uniqueEmail("chon-don-vi");
        HttpResponse<String> created = browser.postForm("/signup", Map.of("email", email, "password", "trang-dang-ky-1",
                "fullName", "Lê Thị Hà", "unitId", acute, "unit", "Trường Mầm non Tân Hòa " + tag, "_csrf", browser.csrf("/signup")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        UserAccount stored = users.find(email).orElseThrow();
        assertThat(stored.unitId()).as("a choice is only a request").isNull();
        assertThat(stored.requestedUnitId()).isEqualTo(acute);
        assertThat(stored.requestedUnit()).isEqualTo("Trường Mầm non Tân Hóa " + tag);

        String other = uniqueEmail("khong-co");
        HttpResponse<String> unknown = browser.postForm("/signup", Map.of("email", other, "password", "trang-dang-ky-1",
                "fullName", "Lê Thị Hà", "unitId", "no-such-unit-" + tag, "_csrf", browser.csrf("/signup")));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(unknown.body())).contains("is not a unit of the directory")
                .contains("<option value=\"" + hoa + "\">");
        assertThat(usersWithEmail(other)).isZero();
    }

    @Test
    void theSignUpPageNeedsItsCsrfToken() {
        String email = uniqueEmail("nocsrf");
        browser.get("/signup");
        HttpResponse<String> refused = browser.postForm("/signup", Map.of("email", email, "password", "long-enough-password",
                "fullName", "No Token"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(usersWithEmail(email)).isZero();
    }

    private HttpResponse<String> signUp(String email) {
        return browser.json("POST", "/api/identity/users", body(email, "Người Thử"), null);
    }

    private HttpResponse<String> signUpWithPassword(String email, String password) {
        return browser.json("POST", "/api/identity/users",
                "{\"email\": \"" + email + "\", \"password\": \"" + password + "\", \"fullName\": \"P\"}", null);
    }

    private static String body(String email, String name) {
        return "{\"email\": \"" + email + "\", \"password\": \"long-enough-password\", \"fullName\": \"" + name + "\"}";
    }
}
