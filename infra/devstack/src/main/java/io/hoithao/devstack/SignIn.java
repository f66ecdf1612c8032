package io.hoithao.devstack;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs in at the real identity service the way a script does (the README's curl steps): the
 * authorization code flow with PKCE for the public {@code hoithao-cli} client, through the login
 * form, reading the code from the redirect rather than following it.
 */
public final class SignIn {

    static final String CLIENT = "hoithao-cli";
    static final String REDIRECT = "http://127.0.0.1:8765/callback";

    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private SignIn() {
    }

    /** An access token for this user; throws with the server's answer if any step goes wrong. */
    public static String accessToken(URI issuer, String email, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = verifier();
        String authorize = issuer.resolve("/oauth2/authorize") + "?" + form(Map.of(
                "response_type", "code", "client_id", CLIENT, "redirect_uri", REDIRECT, "scope", "openid profile email",
                "state", UUID.randomUUID().toString(), "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = http.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        expect(toLogin, 302);

        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(issuer.resolve("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        expect(loginPage, 200);
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(issuer.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", email, "password", password,
                        "_csrf", csrf(loginPage)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        expect(loggedIn, 302);
        String afterLogin = loggedIn.headers().firstValue("Location").orElseThrow();
        if (afterLogin.contains("error")) {
            throw new IllegalStateException("Sign-in refused for " + email + ": " + afterLogin);
        }

        HttpResponse<String> withCode = http.send(HttpRequest.newBuilder(issuer.resolve(afterLogin)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        expect(withCode, 302);
        String callback = withCode.headers().firstValue("Location").orElseThrow();
        Matcher code = CODE.matcher(callback);
        if (!callback.startsWith(REDIRECT) || !code.find()) {
            throw new IllegalStateException("No authorization code in " + callback);
        }

        HttpResponse<String> token = http.send(HttpRequest.newBuilder(issuer.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", REDIRECT, "client_id", CLIENT,
                        "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
        expect(token, 200);
        return JsonMapper.builder().build().readTree(token.body()).get("access_token").asString();
    }

    /**
     * Confirms an address the way its owner does with the verification mail's link: opens the link (a page
     * that changes nothing) and presses its button with the password she chooses (a POST with the page's CSRF
     * token). Throws with the server's answer unless it ends at {@code /login?verified}.
     */
    public static void confirmEmail(URI link, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(page, 200);
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(link.resolve("/verify-email"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", link.getRawQuery().substring("token=".length()),
                        "password", password, "_csrf", csrf(page)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        expect(confirmed, 302);
        String location = confirmed.headers().firstValue("Location").orElseThrow();
        if (!location.endsWith("/login?verified")) {
            throw new IllegalStateException("Confirming " + link.getPath() + " ended at " + location);
        }
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher input = CSRF_INPUT.matcher(page.body());
        if (!input.find()) {
            throw new IllegalStateException("No CSRF token on " + page.uri() + ": " + page.body());
        }
        Matcher csrf = VALUE.matcher(input.group());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF value in " + input.group());
        }
        return csrf.group(1).replace("&#45;", "-");
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + response.headers().map() + " " + response.body());
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String verifier() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
