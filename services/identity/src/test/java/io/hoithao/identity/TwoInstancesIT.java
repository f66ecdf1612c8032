package io.hoithao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the service on one database, behind one address as a load balancer shows them (the browser's
 * cookies go to both): a person signs in at one, her authorization continues at the other, and the code one
 * instance issued is redeemed at the other; the session and the code live in the database, not in either process.
 */
class TwoInstancesIT extends IdentityIT {

    static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    RSAKey signingKey;

    @TempDir
    Path keys;

    ConfigurableApplicationContext second;
    URI first;
    URI other;

    @BeforeEach
    void startSecondInstance() throws Exception {
        // the same signing key, as every instance of a real deployment has
        Path key = keys.resolve("identity-signing-key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(signingKey.toRSAPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        var env = context.getEnvironment();
        second = new SpringApplicationBuilder(IdentityApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + env.getProperty("spring.mongodb.uri"),
                "--hoithao.identity.issuer=" + ISSUER,
                "--hoithao.identity.signing-key=file:" + key,
                "--hoithao.identity.units.consume=false",
                "--hoithao.identity.throttle.sign-in-per-address.limit=100000");
        first = URI.create("http://localhost:" + port);
        other = URI.create("http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort());
    }

    @AfterEach
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aPersonSignsInAtOneInstanceAndGetsHerTokenFromTheOther() throws Exception {
        Browser.Authorization authorization = browser.authorization();
        HttpResponse<String> toLogin = browser.get(first.resolve(authorization.url()).toString());
        assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(302);

        // the sign-in form from the other instance, posted there: the request saved by the first is in the session
        String csrf = Browser.csrfOf(browser.get(other.resolve("/login").toString()).body());
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(other.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(Map.of("username", "organiser@backan.hoithao.local",
                        "password", "organiser-dev-password", "_csrf", csrf)))).build());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String back = Browser.location(signedIn);
        assertThat(back).as("back to the request the first instance saved").startsWith(first.resolve("/oauth2/authorize").toString());

        // the authorization goes on at the other instance, signed in by the session alone
        HttpResponse<String> withCode = browser.get(other.resolve(URI.create(back).getRawPath() + "?" + URI.create(back).getRawQuery()).toString());
        assertThat(withCode.statusCode()).as(withCode.body()).isEqualTo(302);
        String callback = Browser.location(withCode);
        assertThat(callback).startsWith(Browser.CLI_REDIRECT + "?").contains("state=" + authorization.state());
        Matcher code = CODE.matcher(callback);
        assertThat(code.find()).as(callback).isTrue();

        // the code the other instance issued, redeemed at the first
        HttpResponse<String> token = browser.token(URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), authorization.verifier());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(token.body());
        var claims = Jwts.verified(tokens.get("access_token").asString(), browser.get(other.resolve("/oauth2/jwks").toString()).body());
        assertThat(claims.getSubject()).isEqualTo("organiser@backan.hoithao.local");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);

        // and it is good once only, whichever instance is asked
        HttpResponse<String> again = browser.send(HttpRequest.newBuilder(other.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(Map.of("grant_type", "authorization_code",
                        "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", Browser.CLI_REDIRECT,
                        "client_id", Browser.CLI, "code_verifier", authorization.verifier())))).build());
        assertThat(again.statusCode()).isEqualTo(400);
    }
}
