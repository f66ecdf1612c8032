package io.hoithao.devstack;

import java.io.IOException;
import java.net.CookieHandler;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs in at a Keycloak realm as a browser does: the authorization code flow with PKCE (S256) for a public client,
 * through Keycloak's own pages with a client that keeps cookies: the login form (its {@code action} carries the
 * session and is read from the page), then, for a user whose password is temporary, the "Update password" form;
 * the code is read from the redirect to the client's address and exchanged at the token endpoint with the verifier.
 */
final class KeycloakSignIn {

    static final String REDIRECT = "http://127.0.0.1:8765/callback";

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final Pattern REQUIRED_ACTION = Pattern.compile("[?&]execution=([A-Z_]+)");

    /** Keycloak stopped the sign-in at a page this client does not fill in (e.g. {@code VERIFY_EMAIL}). */
    static final class Stopped extends IllegalStateException {
        private final String requiredAction;

        Stopped(String requiredAction, String location) {
            super("Keycloak asks for " + requiredAction + " before it gives a code: " + location);
            this.requiredAction = requiredAction;
        }

        String requiredAction() {
            return requiredAction;
        }
    }

    private KeycloakSignIn() {
    }

    /**
     * An access token of {@code client} for this user. With {@code newPassword} null, a temporary password ends in
     * {@link Stopped} ({@code UPDATE_PASSWORD}); otherwise the new password is set on Keycloak's form.
     */
    static String accessToken(URI realm, String client, String username, String password, String newPassword) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new LocalhostIsSecure())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = verifier();
        URI authorize = URI.create(realm + "/protocol/openid-connect/auth?" + form(Map.of(
                "response_type", "code", "client_id", client, "redirect_uri", REDIRECT, "scope", "openid profile email",
                "state", UUID.randomUUID().toString(), "code_challenge", challenge(verifier), "code_challenge_method", "S256")));
        HttpResponse<String> loginPage = http.send(get(authorize), HttpResponse.BodyHandlers.ofString());
        expect(loginPage, 200);

        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", username);
        credentials.put("password", password);
        credentials.put("credentialId", "");
        HttpResponse<String> answer = http.send(post(formAction(loginPage), credentials), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
            throw new IllegalStateException("Sign-in refused for " + username + " (the login form came back)");
        }
        for (int step = 0; step < 3; step++) {
            expect(answer, 302);
            String location = answer.headers().firstValue("Location").orElseThrow();
            if (location.startsWith(REDIRECT)) {
                return exchange(http, realm, client, location, verifier);
            }
            Matcher action = REQUIRED_ACTION.matcher(location);
            String requiredAction = action.find() ? action.group(1) : "an unknown page";
            if (!requiredAction.equals("UPDATE_PASSWORD") || newPassword == null) {
                throw new Stopped(requiredAction, location);
            }
            HttpResponse<String> updatePage = http.send(get(URI.create(location)), HttpResponse.BodyHandlers.ofString());
            expect(updatePage, 200);
            answer = http.send(post(formAction(updatePage), Map.of("password-new", newPassword, "password-confirm", newPassword)),
                    HttpResponse.BodyHandlers.ofString());
        }
        throw new IllegalStateException("No code after three of Keycloak's pages for " + username);
    }

    /**
     * Keycloak's sign-in cookies are {@code Secure}. Browsers treat {@code http://localhost} as a secure context and
     * send them there; {@link CookieManager} sends them only over https, and Keycloak would answer the login form's
     * POST with "Restart login cookie not found".
     */
    private static final class LocalhostIsSecure extends CookieHandler {
        private final CookieManager cookies = new CookieManager();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            boolean local = "http".equals(uri.getScheme()) && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()));
            // the store matches cookies by host and path; the scheme decides only whether Secure ones go along
            return cookies.get(local ? URI.create("https://" + uri.getRawAuthority() + uri.getRawPath()) : uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(uri, headers);
        }
    }

    private static String exchange(HttpClient http, URI realm, String client, String callback, String verifier) throws Exception {
        Matcher code = CODE.matcher(callback);
        if (!code.find()) {
            throw new IllegalStateException("No authorization code in " + callback);
        }
        HttpResponse<String> token = http.send(post(URI.create(realm + "/protocol/openid-connect/token"), Map.of(
                "grant_type", "authorization_code", "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8),
                "redirect_uri", REDIRECT, "client_id", client, "code_verifier", verifier)), HttpResponse.BodyHandlers.ofString());
        expect(token, 200);
        return JsonMapper.builder().build().readTree(token.body()).get("access_token").asString();
    }

    private static URI formAction(HttpResponse<String> page) {
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("No form on " + page.uri() + ": " + page.body());
        }
        return URI.create(action.group(1).replace("&amp;", "&"));
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest post(URI uri, Map<String, String> fields) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build();
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
