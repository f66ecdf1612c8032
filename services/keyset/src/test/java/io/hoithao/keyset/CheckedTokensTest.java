package io.hoithao.keyset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** A token is checked once while it is valid; an expired one, or one of a key the issuer withdrew, is refused. */
class CheckedTokensTest {

	static final String ISSUER = "http://issuer.test";

	final AtomicReference<JWKSet> published = new AtomicReference<>();

	final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T08:00:00Z"));

	/** How many tokens went through the full check (parsing, signature, claims). */
	final AtomicInteger fullChecks = new AtomicInteger();

	HttpServer issuer;

	IssuerKeySet keys;

	RSAKey first;

	@BeforeEach
	void start() throws Exception {
		this.first = new RSAKeyGenerator(2048).keyID("k1").generate();
		this.published.set(new JWKSet(this.first.toPublicJWK()));
		this.issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.issuer.createContext("/oauth2/jwks", exchange -> {
			byte[] body = this.published.get().toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.issuer.start();
		this.keys = new IssuerKeySet(URI.create("http://127.0.0.1:" + this.issuer.getAddress().getPort() + "/oauth2/jwks"),
				new IssuerKeySet.Settings(Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofSeconds(30),
						Duration.ofSeconds(5)))
			.start();
		await().atMost(Duration.ofSeconds(10)).until(this.keys::held);
	}

	@AfterEach
	void stop() {
		this.keys.close();
		this.issuer.stop(0);
	}

	@Test
	void aPersonsTokenIsCheckedOnceForManyRequests() throws Exception {
		CheckedTokens tokens = new CheckedTokens(counted(checks()), this.keys, 100, this.clock);
		String hers = token(this.first, "ha.le@example.vn", this.clock.instant().plusSeconds(900));
		String his = token(this.first, "tu.ly@example.vn", this.clock.instant().plusSeconds(900));

		for (int request = 0; request < 20; request++) {
			assertThat(tokens.decode(hers).block(Duration.ofSeconds(5)).getSubject()).isEqualTo("ha.le@example.vn");
		}
		assertThat(tokens.decode(his).block(Duration.ofSeconds(5)).getSubject()).isEqualTo("tu.ly@example.vn");

		assertThat(this.fullChecks).as("one full check per token").hasValue(2);
	}

	@Test
	void aTokenIsRefusedOnceItHasExpiredThoughItWasCheckedBefore() throws Exception {
		CheckedTokens tokens = new CheckedTokens(counted(checks()), this.keys, 100, this.clock);
		String token = token(this.first, "ha.le@example.vn", this.clock.instant().plusSeconds(60));
		assertThat(tokens.decode(token).block(Duration.ofSeconds(5))).isNotNull();

		this.clock.set(this.clock.instant().plusSeconds(61));

		assertThatThrownBy(() -> tokens.decode(token).block(Duration.ofSeconds(5)))
			.isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("expired");
		assertThat(this.fullChecks).as("an expired token goes through the full check again").hasValue(2);
	}

	@Test
	void aTokenOfAKeyTheIssuerWithdrewIsRefusedThoughItWasCheckedBefore() throws Exception {
		CheckedTokens tokens = new CheckedTokens(counted(checks()), this.keys, 100, this.clock);
		String token = token(this.first, "ha.le@example.vn", this.clock.instant().plusSeconds(900));
		assertThat(tokens.decode(token).block(Duration.ofSeconds(5))).isNotNull();

		// The same keys fetched again change nothing: the token stays checked.
		this.keys.refresh().get(5, TimeUnit.SECONDS);
		assertThat(tokens.decode(token).block(Duration.ofSeconds(5))).isNotNull();
		assertThat(this.fullChecks).hasValue(1);

		// The issuer withdraws k1 (rotated to k2) and the key set is fetched again.
		this.published.set(new JWKSet(new RSAKeyGenerator(2048).keyID("k2").generate().toPublicJWK()));
		this.keys.refresh().get(5, TimeUnit.SECONDS);

		assertThatThrownBy(() -> tokens.decode(token).block(Duration.ofSeconds(5)))
			.isInstanceOf(BadJwtException.class);
		assertThat(this.fullChecks).hasValue(2);
	}

	@Test
	void aRefusedTokenIsNeverRemembered() throws Exception {
		CheckedTokens tokens = new CheckedTokens(counted(checks()), this.keys, 100, this.clock);
		RSAKey forger = new RSAKeyGenerator(2048).keyID("k1").generate();
		String forged = token(forger, "ha.le@example.vn", this.clock.instant().plusSeconds(900));

		for (int request = 0; request < 3; request++) {
			assertThatThrownBy(() -> tokens.decode(forged).block(Duration.ofSeconds(5)))
				.isInstanceOf(BadJwtException.class);
		}
		assertThat(this.fullChecks).hasValue(3);
	}

	/** The suite's checks, with the expiry read on the test's clock and no clock skew. */
	private NimbusReactiveJwtDecoder checks() {
		NimbusReactiveJwtDecoder decoder = IssuerJwtDecoders.reactive(this.keys, ISSUER, List.of("hoithao"));
		JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
		expiry.setClock(this.clock);
		decoder.setJwtValidator(expiry);
		return decoder;
	}

	private ReactiveJwtDecoder counted(ReactiveJwtDecoder checks) {
		return token -> Mono.defer(() -> {
			this.fullChecks.incrementAndGet();
			return checks.decode(token);
		});
	}

	private static String token(RSAKey key, String subject, Instant expiry) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer(ISSUER)
					.subject(subject)
					.audience("hoithao")
					.issueTime(Date.from(expiry.minusSeconds(1200)))
					.expirationTime(Date.from(expiry))
					.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	static final class SettableClock extends Clock {

		private final AtomicReference<Instant> now;

		SettableClock(Instant now) {
			this.now = new AtomicReference<>(now);
		}

		void set(Instant instant) {
			this.now.set(instant);
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
