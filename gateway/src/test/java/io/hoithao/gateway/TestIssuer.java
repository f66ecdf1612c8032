package io.hoithao.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * An issuer for the gateway's tests: its key set over real HTTP, tokens signed with its key, and the
 * ones to refuse (expired, another issuer's). The services' tests use the platform's TestIdentity;
 * the gateway does not depend on the platform.
 */
final class TestIssuer implements AutoCloseable {

	private final RSAKey key;

	private final RSAKey foreignKey;

	private final HttpServer server;

	TestIssuer() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
			this.foreignKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
			byte[] keySet = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			this.server.createContext("/oauth2/jwks", exchange -> {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, keySet.length);
				try (OutputStream body = exchange.getResponseBody()) {
					body.write(keySet);
				}
			});
			this.server.start();
		}
		catch (IOException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String bearer(String subject) {
		return "Bearer " + sign(this.key, issuer(), subject, Instant.now(), Duration.ofHours(1));
	}

	/** An administrator's token (roles claim {@code admin}). */
	String administrator(String subject) {
		return "Bearer " + sign(this.key, issuer(), subject, Instant.now(), Duration.ofHours(1), List.of("admin"));
	}

	String expired(String subject) {
		return "Bearer " + sign(this.key, issuer(), subject, Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(55));
	}

	String foreign(String subject) {
		return "Bearer " + sign(this.foreignKey, "https://issuer.example.org", subject, Instant.now(), Duration.ofHours(1));
	}

	private static String sign(RSAKey signingKey, String issuer, String subject, Instant issuedAt, Duration lifetime) {
		return sign(signingKey, issuer, subject, issuedAt, lifetime, List.of("delegate"));
	}

	private static String sign(RSAKey signingKey, String issuer, String subject, Instant issuedAt, Duration lifetime,
			List<String> roles) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.audience("hoithao")
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plus(lifetime)))
			.claim("roles", roles)
			.claim("email", subject)
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
		try {
			jwt.sign(new RSASSASigner(signingKey));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
