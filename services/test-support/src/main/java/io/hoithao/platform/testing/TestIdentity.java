package io.hoithao.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An OpenID Connect issuer for integration tests, started once per test JVM: it publishes its key set
 * over real HTTP ({@code /oauth2/jwks}, as the suite's identity service does), so services check the
 * tokens it signs exactly as they check production ones. It also signs the tokens they must refuse:
 * expired, from a foreign issuer with a foreign key, for another audience.
 */
public final class TestIdentity {

    public static final String AUDIENCE = "hoithao";

    private static volatile TestIdentity instance;

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final String issuer;

    private TestIdentity(RSAKey key, RSAKey foreignKey, String issuer) {
        this.key = key;
        this.foreignKey = foreignKey;
        this.issuer = issuer;
    }

    public static TestIdentity get() {
        TestIdentity current = instance;
        if (current == null) {
            synchronized (TestIdentity.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                }
            }
        }
        return current;
    }

    private static TestIdentity start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            RSAKey foreign = new RSAKeyGenerator(2048).keyID("foreign-" + UUID.randomUUID()).generate();
            byte[] keySet = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keySet.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(keySet);
                }
            });
            server.start();
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-identity-stop"));
            return new TestIdentity(key, foreign, issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** An {@code Authorization} header value for this person, valid for an hour. */
    public String bearer(Caller who) {
        return "Bearer " + sign(key, issuer, AUDIENCE, who, Instant.now(), Duration.ofHours(1));
    }

    /** A token that expired five minutes ago (beyond any clock skew allowance). */
    public String expired(Caller who) {
        return "Bearer " + sign(key, issuer, AUDIENCE, who, Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(55));
    }

    /** A well-formed token from another issuer, signed with that issuer's key. */
    public String foreignIssuer(Caller who) {
        return "Bearer " + sign(foreignKey, "https://issuer.example.org", AUDIENCE, who, Instant.now(), Duration.ofHours(1));
    }

    /** A token from the right issuer and key, issued for another audience. */
    public String otherAudience(Caller who) {
        return "Bearer " + sign(key, issuer, "another-application", who, Instant.now(), Duration.ofHours(1));
    }

    /** The same client acting as this person. */
    public WebTestClient as(WebTestClient client, Caller who) {
        String bearer = bearer(who);
        return client.mutate().defaultHeaders(headers -> headers.set(HttpHeaders.AUTHORIZATION, bearer)).build();
    }

    /** The same client without any token. */
    public static WebTestClient anonymous(WebTestClient client) {
        return client.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build();
    }

    /** Test people, the way the identity service would describe them. */
    public static Caller admin() {
        return person("admin@hoithao.test", "Quản trị viên", null, Role.ADMIN);
    }

    /** An organiser of the unit of this official name, whose id is {@link #unitId}'s. */
    public static Caller organiser(String unit) {
        return person("organiser." + UUID.randomUUID().toString().substring(0, 8) + "@hoithao.test", "Người tổ chức", unit, Role.ORGANISER);
    }

    /** An organiser of the unit with this id and name. */
    public static Caller organiser(String unit, String unitId) {
        return person("organiser." + UUID.randomUUID().toString().substring(0, 8) + "@hoithao.test", "Người tổ chức", unit,
                unitId, Role.ORGANISER);
    }

    /**
     * The id the test people of a unit named so carry (the one the events service's seed gives a unit of that
     * official name), so that a test can name a unit and still be recognised by id. Exact names: "Tân Hòa" and
     * "Tân Hóa" have two ids.
     */
    public static String unitId(String officialName) {
        return officialName == null ? null
                : UUID.nameUUIDFromBytes(("hoithao/units/seed/" + officialName).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    public static Caller reviewer() {
        return person("reviewer." + UUID.randomUUID().toString().substring(0, 8) + "@hoithao.test", "Người phản biện", null, Role.REVIEWER);
    }

    public static Caller delegate(String email) {
        return person(email, "Đại biểu", null, Role.DELEGATE);
    }

    /** A person of the unit of this official name, whose id is {@link #unitId}'s (no unit: null). */
    public static Caller person(String email, String name, String unit, Role... roles) {
        return person(email, name, unit, unitId(unit), roles);
    }

    public static Caller person(String email, String name, String unit, String unitId, Role... roles) {
        return new Caller(email, email, name, roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles)),
                unit, unitId);
    }

    private static String sign(RSAKey signingKey, String issuer, String audience, Caller who, Instant issuedAt, Duration lifetime) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(who.subject())
                .audience(audience)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", who.roles().stream().map(Role::claimValue).sorted().toList());
        if (who.email() != null) {
            // as the suite's issuer says of an address the person proved; without it the email owns nothing
            claims.claim("email", who.email()).claim("email_verified", true);
        }
        if (who.name() != null) {
            claims.claim("name", who.name());
        }
        if (who.unit() != null) {
            claims.claim("unit", who.unit());
        }
        if (who.unitId() != null) {
            claims.claim("unit_id", who.unitId());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
