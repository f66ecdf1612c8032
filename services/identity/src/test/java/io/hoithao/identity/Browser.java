package io.hoithao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser or script talking to the server over real HTTP: it keeps cookies, never follows a
 * redirect (each 302 is looked at), and walks the authorization code flow with PKCE the way the
 * README's curl steps do.
 */
public final class Browser {

    public static final String CLI = "hoithao-cli";
    public static final String CLI_REDIRECT = "http://127.0.0.1:8765/callback";

    private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient http;
    private final String forwardedFor;

    public Browser(URI base) {
        this(base, null);
    }

    private Browser(URI base, String forwardedFor) {
        this.base = base;
        this.forwardedFor = forwardedFor;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A new browser (no cookies) at another client address, as a trusted proxy says ({@code X-Forwarded-For}). */
    public static Browser at(URI base, String clientAddress) {
        return new Browser(base, clientAddress);
    }

    public URI base() {
        return base;
    }

    public HttpResponse<String> get(String pathOrUrl, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathOrUrl)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    public HttpResponse<String> json(String method, String path, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json, application/problem+json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        if (forwardedFor != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", forwardedFor).build();
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token of the form on the page at this path (a GET that also starts the session). */
    public String csrf(String path) {
        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return csrfOf(page.body());
    }

    public static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a _csrf input in %s", html).isTrue();
        return matcher.group(1);
    }

    /** An authorization request of the CLI client, with a fresh PKCE verifier. */
    public Authorization authorization() {
        String verifier = randomUrlSafe(32);
        String state = UUID.randomUUID().toString();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", CLI);
        query.put("redirect_uri", CLI_REDIRECT);
        query.put("scope", "openid profile email");
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        return new Authorization("/oauth2/authorize?" + form(query), verifier, state);
    }

    /** Authorize, sign in through the form, authorize again: the code from the redirect to the client. */
    public Authorization.Code code(String email, String password) {
        Authorization authorization = authorization();
        HttpResponse<String> toLogin = get(authorization.url());
        assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(302);
        assertThat(location(toLogin)).isEqualTo(base.resolve("/login").toString());

        HttpResponse<String> signedIn = postForm("/login", Map.of("username", email, "password", password, "_csrf", csrf("/login")));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String back = location(signedIn);
        assertThat(back).as("sign-in of %s", email).startsWith(base.resolve("/oauth2/authorize").toString());

        HttpResponse<String> withCode = get(back);
        assertThat(withCode.statusCode()).as(withCode.body()).isEqualTo(302);
        String callback = location(withCode);
        assertThat(callback).startsWith(CLI_REDIRECT + "?").contains("state=" + authorization.state());
        Matcher code = CODE.matcher(callback);
        assertThat(code.find()).as(callback).isTrue();
        return new Authorization.Code(URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), authorization.verifier());
    }

    public HttpResponse<String> token(String code, String verifier) {
        return postForm("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CLI_REDIRECT, "client_id", CLI, "code_verifier", verifier));
    }

    /** The whole flow: the token endpoint's answer ({@code access_token}, {@code id_token}...). */
    public JsonNode signIn(String email, String password) {
        Authorization.Code code = code(email, password);
        HttpResponse<String> token = token(code.code(), code.verifier());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body());
    }

    /** A new browser (no cookies) signs in and returns just the access token. */
    public static String accessToken(URI base, String email, String password) {
        return new Browser(base).signIn(email, password).get("access_token").asString();
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location in " + response));
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An authorization request: its URL (path and query), the PKCE verifier and the state. */
    public record Authorization(String url, String verifier, String state) {

        public record Code(String code, String verifier) {
        }
    }
}
