package io.hoithao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.identity.user.UserDirectory;
import io.hoithao.platform.security.Role;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in and sign-up budgets per account and per client address. Each test speaks from its own client
 * address (203.0.113.x, as the local proxy says in {@code X-Forwarded-For}: the forward-headers strategy a
 * deployment behind a proxy uses), so each has its own address budgets; the budgets are small here, the
 * per-account one is the default (5 wrong passwords a minute).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hoithao.identity.issuer=" + IdentityIT.ISSUER,
        "server.forward-headers-strategy=native",
        // a day's budget of 40: a slow machine's attempts never see it refill during a test
        "hoithao.identity.throttle.sign-in-per-address.limit=40",
        "hoithao.identity.throttle.sign-in-per-address.period=1d",
        "hoithao.identity.throttle.sign-up-per-address.limit=3",
        "hoithao.identity.throttle.sign-up-per-email.limit=2"})
@Import(RecordingMailer.Config.class)
class ThrottleIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "long-enough-password";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("identity_throttle_it"));
    }

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory users;

    @Test
    void theSixthWrongPasswordForAnAccountWithinAMinuteIs429AndOtherAccountsAreUntouched() {
        String email = account("guessed");
        String other = account("neighbour");
        Browser browser = from("203.0.113.8");
        for (int i = 0; i < 6; i++) {
            assertThat(Browser.location(signIn(browser, other, PASSWORD))).as("right passwords cost nothing").doesNotContain("error");
        }
        for (int i = 1; i <= 5; i++) {
            assertThat(Browser.location(signIn(browser, email, "wrong-password-" + i))).as("guess %d", i).endsWith("/login?error");
        }
        HttpResponse<String> sixth = signIn(browser, email, "wrong-password-6");
        assertThat(sixth.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(HtmlUtils.htmlUnescape(sixth.body()).replaceAll("<[^>]+>", "")).contains("Too many sign-in attempts")
                .contains("again in " + retryAfter + " seconds");
        // not even the right password gets through while the budget is spent, from here or elsewhere
        assertThat(signIn(browser, email, PASSWORD).statusCode()).isEqualTo(429);
        assertThat(signIn(from("203.0.113.9"), email, PASSWORD).statusCode()).isEqualTo(429);
        // the same address signs other people in
        assertThat(Browser.location(signIn(browser, other, PASSWORD))).doesNotContain("error");
    }

    @Test
    void aSchoolsTeachersSigningInAtOnceBehindOneAddressAreNotThrottledButAFloodOfGuessesFromOneAddressIs() throws Exception {
        List<String> teachers = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            teachers.add(account("teacher" + i));
        }
        URI base = URI.create("http://localhost:" + port);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<JsonNode>> tokens = new ArrayList<>();
            for (String teacher : teachers) {
                tokens.add(pool.submit(() -> Browser.at(base, "203.0.113.3").signIn(teacher, PASSWORD)));
            }
            for (Future<JsonNode> token : tokens) {
                assertThat(token.get(60, TimeUnit.SECONDS).get("access_token").asString()).isNotBlank();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        Browser guesser = from("203.0.113.4");
        int answered = 0;
        HttpResponse<String> last = null;
        while (answered < 41) {
            last = signIn(guesser, "nobody-" + answered + "@truong.edu.vn", "guess-" + answered);
            answered++;
            if (last.statusCode() == 429) {
                break;
            }
        }
        assertThat(answered).as("the 41st attempt from one address within its period").isEqualTo(41);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void signUpsPerAddressAre429WithProblemJsonOnTheApiAndAMessageOnThePage() {
        Browser browser = from("203.0.113.5");
        for (int i = 0; i < 3; i++) {
            assertThat(signUp(browser, fresh("crowd")).statusCode()).isEqualTo(202);
        }
        HttpResponse<String> fourth = signUp(browser, fresh("crowd"));
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(JSON.readTree(fourth.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/too-many-requests");

        HttpResponse<String> page = browser.postForm("/signup", Map.of("email", fresh("page"), "password", PASSWORD,
                "fullName", "Người Thử", "_csrf", browser.csrf("/signup")));
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(HtmlUtils.htmlUnescape(page.body())).contains("Too many sign-ups");
    }

    @Test
    void signUpsForAKnownAndAnUnknownEmailGetTheSameAnswersOneByOne() {
        String known = account("known");
        String unknown = fresh("unknown");
        Browser one = from("203.0.113.6");
        Browser another = from("203.0.113.7");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> forKnown = signUp(one, known);
            HttpResponse<String> forUnknown = signUp(another, unknown);
            assertThat(forKnown.statusCode()).as("attempt %d", i + 1).isEqualTo(forUnknown.statusCode()).isEqualTo(i < 2 ? 202 : 429);
            // the same words (the seconds to wait may differ as the clock moves on)
            assertThat(forKnown.body().replace(known, "x").replaceAll("\\d+ seconds", "n seconds"))
                    .isEqualTo(forUnknown.body().replace(unknown, "x").replaceAll("\\d+ seconds", "n seconds"));
        }
    }

    private Browser from(String address) {
        return Browser.at(URI.create("http://localhost:" + port), address);
    }

    private String account(String name) {
        String email = fresh(name);
        users.createVerified(email, PASSWORD, name, null, null, Set.of(Role.DELEGATE));
        return email;
    }

    private static String fresh(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@truong.edu.vn";
    }

    private static HttpResponse<String> signIn(Browser browser, String email, String password) {
        return browser.postForm("/login", Map.of("username", email, "password", password, "_csrf", browser.csrf("/login")));
    }

    private static HttpResponse<String> signUp(Browser browser, String email) {
        return browser.json("POST", "/api/identity/users",
                "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"fullName\": \"Người Thử\"}", null);
    }
}
