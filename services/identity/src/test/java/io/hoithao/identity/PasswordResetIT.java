package io.hoithao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.MessageCodec;
import io.hoithao.contracts.Topics;
import io.hoithao.contracts.identity.IdentityMessage;
import io.hoithao.contracts.identity.PasswordResetRequested;
import io.hoithao.identity.user.UserAccount;
import io.hoithao.identity.user.UserDirectory;
import io.hoithao.platform.security.Role;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Forgot password" through the pages, with the real outbox relay and an embedded Kafka broker: the same
 * answer for every address, a {@code PasswordResetRequested} published only for a verified account, its
 * link sets the new password once, and a used or expired link is refused with a clear message.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hoithao.identity.issuer=" + PasswordResetIT.ISSUER,
        "hoithao.identity.outbox.interval=200ms"})
class PasswordResetIT {

    static final String ISSUER = "https://identity.hoithao.test";
    static final EmbeddedKafkaKraftBroker KAFKA = VerificationMailOutboxIT.KAFKA;
    private static final String OLD = "old-long-password";
    private static final String NEW = "mật-khẩu-mới-đủ-dài";
    private static final String SITE = "hoithao-site";
    private static final String SITE_SECRET = "site-dev-secret";
    private static final String SITE_REDIRECT = "http://localhost:8080/login/oauth2/code/hoithao";
    private static final String SITE_VERIFIER = "a-pkce-verifier-of-enough-length-for-the-site-client-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("identity_reset_it"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    UserDirectory users;

    KafkaConsumer<String, byte[]> consumer;
    final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    @BeforeEach
    void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(Topics.IDENTITY));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void theLinkSetsANewPasswordOnceAndAnUnknownAddressGetsTheSameAnswerAndNoMail() {
        String email = "lan-" + UUID.randomUUID().toString().substring(0, 8) + "@truong.edu.vn";
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@truong.edu.vn";
        users.createVerified(email, OLD, "Hoàng Thị Lan", null, null, Set.of(Role.DELEGATE));
        Browser browser = browser();

        assertThat(browser.get("/login").body()).contains("href=\"/forgot-password\"");
        HttpResponse<String> forUnknown = ask(browser, unknown);
        HttpResponse<String> forKnown = ask(browser, email);
        assertThat(forKnown.statusCode()).isEqualTo(302);
        assertThat(forUnknown.statusCode()).isEqualTo(302);
        assertThat(Browser.location(forKnown)).isEqualTo(Browser.location(forUnknown)).endsWith("/forgot-password?sent");
        assertThat(HtmlUtils.htmlUnescape(browser.get("/forgot-password?sent").body()))
                .contains("If this address belongs to a verified account");

        PasswordResetRequested message = awaitMessageFor(email);
        assertThat(records).noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(unknown));
        assertThat(mongo.exists(Query.query(Criteria.where("email").is(unknown)), UserAccount.COLLECTION)).isFalse();
        assertThat(message.fullName()).isEqualTo("Hoàng Thị Lan");
        assertThat(message.language()).isEqualTo("en");
        assertThat(message.link()).startsWith(ISSUER + "/reset-password?token=");
        assertThat(message.expiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
        String token = URI.create(message.link()).getRawQuery().substring("token=".length());
        Document stored = mongo.findOne(Query.query(Criteria.where("email").is(email)), Document.class, UserAccount.COLLECTION);
        assertThat(stored.get("passwordReset", Document.class).getString("tokenHash")).hasSize(64).doesNotContain(token);
        assertThat(stored.toJson()).doesNotContain(token);

        // A second request within the minute changes nothing: the same token still works.
        ask(browser, email);
        String path = "/reset-password?token=" + token;
        HttpResponse<String> form = browser.get(path);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        String csrf = Browser.csrfOf(form.body());

        HttpResponse<String> tooShort = browser.postForm("/reset-password", Map.of("token", token, "password", "short", "_csrf", csrf));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(tooShort.body())).contains("10 to 128 characters");
        HttpResponse<String> withoutCsrf = browser.postForm("/reset-password", Map.of("token", token, "password", NEW));
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);

        HttpResponse<String> set = browser.postForm("/reset-password", Map.of("token", token, "password", NEW, "_csrf", csrf));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(302);
        assertThat(Browser.location(set)).endsWith("/login?reset");
        assertThat(signsIn(email, NEW)).isTrue();
        assertThat(signsIn(email, OLD)).isFalse();

        HttpResponse<String> again = browser().get(path);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(again.body())).contains("invalid, already used or expired");
        HttpResponse<String> reused = browser.postForm("/reset-password", Map.of("token", token, "password", "another-long-one", "_csrf", csrf));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(signsIn(email, NEW)).isTrue();
    }

    @Test
    void aNewRequestReplacesTheOldLinkAndAnExpiredLinkIsRefused() {
        String email = "minh-" + UUID.randomUUID().toString().substring(0, 8) + "@truong.edu.vn";
        users.createVerified(email, OLD, "Trần Văn Minh", null, null, Set.of(Role.DELEGATE));
        Browser browser = browser();
        ask(browser, email);
        String first = token(awaitMessageFor(email));
        Query byEmail = Query.query(Criteria.where("email").is(email));
        mongo.updateFirst(byEmail, new Update().set("passwordReset.requestedAt", Date.from(Instant.now().minusSeconds(120))),
                UserAccount.COLLECTION);
        records.clear();
        ask(browser, email);
        String second = token(awaitMessageFor(email));
        assertThat(second).isNotEqualTo(first);
        assertThat(browser.get("/reset-password?token=" + first).statusCode()).isEqualTo(400);

        mongo.updateFirst(byEmail, new Update().set("passwordReset.expiresAt", Date.from(Instant.now().minusSeconds(1))),
                UserAccount.COLLECTION);
        HttpResponse<String> expired = browser.get("/reset-password?token=" + second);
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(expired.body())).contains("invalid, already used or expired");
        HttpResponse<String> refused = browser.postForm("/reset-password",
                Map.of("token", second, "password", NEW, "_csrf", browser.csrf("/forgot-password")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(signsIn(email, OLD)).isTrue();
    }

    @Test
    void aResetCutsOffEverySignInMadeBeforeIt() {
        String email = "hoa-" + UUID.randomUUID().toString().substring(0, 8) + "@truong.edu.vn";
        users.createVerified(email, OLD, "Phạm Thị Hoa", null, null, Set.of(Role.DELEGATE));
        // Someone who knows the old password signs in to the site: an open session and a refresh token.
        Browser before = browser();
        JsonNode tokens = siteTokens(before, siteCode(before, email, OLD));
        String refreshToken = tokens.get("refresh_token").asString();
        HttpResponse<String> refreshedBefore = refresh(before, refreshToken);
        assertThat(refreshedBefore.statusCode()).as("refreshing works before the reset: %s", refreshedBefore.body()).isEqualTo(200);
        refreshToken = JSON.readTree(refreshedBefore.body()).get("refresh_token").asString();
        assertThat(siteTokens(before, siteCode(before, null, null)).has("access_token")).as("so does the open session").isTrue();

        // The owner resets the password by the mailed link.
        Browser owner = browser();
        ask(owner, email);
        String token = token(awaitMessageFor(email));
        HttpResponse<String> set = owner.postForm("/reset-password", Map.of("token", token, "password", NEW,
                "_csrf", Browser.csrfOf(owner.get("/reset-password?token=" + token).body())));
        assertThat(Browser.location(set)).endsWith("/login?reset");

        // The refresh token and the session from before the reset get no more tokens.
        HttpResponse<String> refreshed = refresh(before, refreshToken);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(400);
        assertThat(refreshed.body()).contains("invalid_grant").doesNotContain("access_token");
        HttpResponse<String> fromSession = siteToken(before, siteCode(before, null, null));
        assertThat(fromSession.statusCode()).as(fromSession.body()).isEqualTo(400);
        assertThat(fromSession.body()).contains("invalid_grant").doesNotContain("access_token");

        // A sign-in with the new password, after the reset, gets tokens and may refresh them.
        Browser after = browser();
        JsonNode fresh = siteTokens(after, siteCode(after, email, NEW));
        assertThat(fresh.has("access_token")).isTrue();
        assertThat(refresh(after, fresh.get("refresh_token").asString()).statusCode()).isEqualTo(200);
    }

    private Browser browser() {
        return new Browser(URI.create("http://localhost:" + port));
    }

    private static HttpResponse<String> ask(Browser browser, String email) {
        String csrf = browser.csrf("/forgot-password");
        return browser.send(java.net.http.HttpRequest.newBuilder(browser.base().resolve("/forgot-password"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en-GB,en;q=0.8")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Browser.form(Map.of("email", email, "_csrf", csrf))))
                .build());
    }

    private boolean signsIn(String email, String password) {
        Browser fresh = browser();
        HttpResponse<String> response = fresh.postForm("/login",
                Map.of("username", email, "password", password, "_csrf", fresh.csrf("/login")));
        return response.statusCode() == 302 && !Browser.location(response).contains("error");
    }

    /**
     * An authorization code for the site's client (the one with refresh tokens): signs in through the form
     * first as {@code email}, or (no email) with the browser's open session.
     */
    private static String siteCode(Browser browser, String email, String password) {
        String authorize = "/oauth2/authorize?" + Browser.form(Map.of("response_type", "code", "client_id", SITE,
                "redirect_uri", SITE_REDIRECT, "scope", "openid profile email", "state", "s",
                "code_challenge", Browser.challenge(SITE_VERIFIER), "code_challenge_method", "S256"));
        HttpResponse<String> answer = browser.get(authorize);
        if (email != null) {
            assertThat(Browser.location(answer)).endsWith("/login");
            HttpResponse<String> signedIn = browser.postForm("/login", Map.of("username", email,
                    "password", password, "_csrf", browser.csrf("/login")));
            answer = browser.get(Browser.location(signedIn));
        }
        String callback = Browser.location(answer);
        assertThat(callback).startsWith(SITE_REDIRECT + "?");
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("[?&]code=([^&]+)").matcher(callback);
        assertThat(code.find()).as(callback).isTrue();
        return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> siteToken(Browser browser, String code) {
        return siteTokenRequest(browser, Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", SITE_REDIRECT,
                "code_verifier", SITE_VERIFIER));
    }

    private static JsonNode siteTokens(Browser browser, String code) {
        HttpResponse<String> answer = siteToken(browser, code);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> refresh(Browser browser, String refreshToken) {
        return siteTokenRequest(browser, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private static HttpResponse<String> siteTokenRequest(Browser browser, Map<String, String> fields) {
        String basic = java.util.Base64.getEncoder().encodeToString((SITE + ":" + SITE_SECRET).getBytes(StandardCharsets.UTF_8));
        return browser.send(java.net.http.HttpRequest.newBuilder(browser.base().resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Browser.form(fields))).build());
    }

    private static String token(PasswordResetRequested message) {
        return URI.create(message.link()).getRawQuery().substring("token=".length());
    }

    private PasswordResetRequested awaitMessageFor(String email) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.stream().anyMatch(r -> isResetFor(r, email));
        });
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> isResetFor(r, email)).reduce((a, b) -> b).orElseThrow();
        assertThat(record.key()).isEqualTo(IdentityMessage.NO_EVENT);
        return (PasswordResetRequested) MessageCodec.instance().decode("identity.PasswordResetRequested.v1", record.value());
    }

    private static boolean isResetFor(ConsumerRecord<String, byte[]> record, String email) {
        return "identity.PasswordResetRequested.v1".equals(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                && new String(record.value(), StandardCharsets.UTF_8).contains(email);
    }
}
