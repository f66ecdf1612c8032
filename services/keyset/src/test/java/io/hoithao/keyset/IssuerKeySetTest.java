package io.hoithao.keyset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class IssuerKeySetTest {

	static final String ISSUER = "http://issuer.test";

	static final IssuerKeySet.Settings FAST = new IssuerKeySet.Settings(Duration.ofMinutes(5), Duration.ofMillis(100),
			Duration.ofSeconds(30), Duration.ofSeconds(5));

	final AtomicInteger served = new AtomicInteger();

	final AtomicReference<JWKSet> published = new AtomicReference<>();

	/** Holds every answer of the issuer until released: a slow issuer while a crowd arrives. */
	volatile CountDownLatch gate = new CountDownLatch(0);

	HttpServer issuer;

	IssuerKeySet keys;

	@AfterEach
	void stop() {
		if (this.keys != null) {
			this.keys.close();
		}
		if (this.issuer != null) {
			this.issuer.stop(0);
		}
	}

	@Test
	void aCrowdOfRequestsBeforeTheFirstFetchCompletesCausesOneFetch() throws Exception {
		RSAKey key = rsa("k1");
		this.published.set(new JWKSet(key.toPublicJWK()));
		this.gate = new CountDownLatch(1);
		startIssuer();
		this.keys = new IssuerKeySet(jwks(), FAST).start();
		NimbusReactiveJwtDecoder decoder = IssuerJwtDecoders.reactive(this.keys, ISSUER, List.of("hoithao"));
		String token = token(key, "hoithao", Instant.now().plusSeconds(60));

		var crowd = Flux.range(0, 2000)
			.flatMap(i -> decoder.decode(token).subscribeOn(Schedulers.parallel()), 2000)
			.collectList()
			.toFuture();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.served.get() >= 1 || this.keys.fetches() >= 1);
		this.gate.countDown();

		List<Jwt> decoded = crowd.get(30, TimeUnit.SECONDS);
		assertThat(decoded).hasSize(2000).allSatisfy(jwt -> assertThat(jwt.getSubject()).isEqualTo("ha.le@example.vn"));
		assertThat(this.served.get()).isEqualTo(1);
		assertThat(this.keys.fetches()).isEqualTo(1);
	}

	@Test
	void anIssuerThatStartsLaterIsFetchedInTheBackgroundAndRequestsMeanwhileFailAsUnavailable() throws Exception {
		RSAKey key = rsa("k1");
		this.published.set(new JWKSet(key.toPublicJWK()));
		int port = freePort();
		this.keys = new IssuerKeySet(URI.create("http://127.0.0.1:" + port + "/oauth2/jwks"), FAST).start();
		NimbusReactiveJwtDecoder decoder = IssuerJwtDecoders.reactive(this.keys, ISSUER, List.of("hoithao"));
		String token = token(key, "hoithao", Instant.now().plusSeconds(60));

		// not a refusal of the token (401) but the keys being unreachable: the caller answers 503
		assertThatThrownBy(() -> decoder.decode(token).block(Duration.ofSeconds(10)))
			.hasMessageContaining("Could not obtain the keys")
			.isNotInstanceOf(JwtException.class);
		assertThat(this.keys.held()).isFalse();

		startIssuer(port);
		await().atMost(Duration.ofSeconds(10)).until(this.keys::held);
		assertThat(decoder.decode(token).block(Duration.ofSeconds(5)).getSubject()).isEqualTo("ha.le@example.vn");
	}

	@Test
	void anUnknownKeyIdFetchesOnceAndThenNotAgainWithinTheGap() throws Exception {
		RSAKey first = rsa("k1");
		RSAKey rotated = rsa("k2");
		RSAKey forged = rsa("k3");
		this.published.set(new JWKSet(first.toPublicJWK()));
		startIssuer();
		this.keys = new IssuerKeySet(jwks(), FAST).start();
		await().atMost(Duration.ofSeconds(10)).until(this.keys::held);
		NimbusReactiveJwtDecoder decoder = IssuerJwtDecoders.reactive(this.keys, ISSUER, List.of("hoithao"));
		assertThat(this.served.get()).isEqualTo(1);

		// within the gap after the last fetch, forged key ids fetch nothing
		int before = this.served.get();
		for (int i = 0; i < 50; i++) {
			String forgedToken = token(forged, "hoithao", Instant.now().plusSeconds(60));
			assertThatThrownBy(() -> decoder.decode(forgedToken).block(Duration.ofSeconds(5)))
				.isInstanceOf(org.springframework.security.oauth2.jwt.BadJwtException.class);
		}
		assertThat(this.served.get()).as("forged key ids within the gap fetch nothing").isEqualTo(before);
		this.keys.close();

		// the issuer rotates; with the gap passed, a token signed by the new key fetches the set once
		this.published.set(new JWKSet(List.of(first.toPublicJWK(), rotated.toPublicJWK())));
		this.keys = new IssuerKeySet(jwks(), new IssuerKeySet.Settings(Duration.ofMinutes(5), Duration.ofMillis(100),
				Duration.ZERO, Duration.ofSeconds(5)));
		this.published.set(new JWKSet(first.toPublicJWK()));
		this.keys.start();
		await().atMost(Duration.ofSeconds(10)).until(this.keys::held);
		this.published.set(new JWKSet(List.of(first.toPublicJWK(), rotated.toPublicJWK())));
		NimbusReactiveJwtDecoder rotating = IssuerJwtDecoders.reactive(this.keys, ISSUER, List.of("hoithao"));
		int beforeRotation = this.served.get();
		assertThat(rotating.decode(token(rotated, "hoithao", Instant.now().plusSeconds(60))).block(Duration.ofSeconds(5))
			.getSubject()).isEqualTo("ha.le@example.vn");
		assertThat(this.served.get()).isEqualTo(beforeRotation + 1);
	}

	@Test
	void aTokenForAnotherAudienceOrIssuerOrExpiredIsRefused() throws Exception {
		RSAKey key = rsa("k1");
		this.published.set(new JWKSet(key.toPublicJWK()));
		startIssuer();
		this.keys = new IssuerKeySet(jwks(), FAST).start();
		NimbusReactiveJwtDecoder decoder = IssuerJwtDecoders.reactive(this.keys, ISSUER, List.of("hoithao"));

		assertThat(decoder.decode(token(key, "hoithao", Instant.now().plusSeconds(60))).block()).isNotNull();
		assertThatThrownBy(() -> decoder.decode(token(key, "other", Instant.now().plusSeconds(60))).block())
			.hasMessageContaining("aud");
		assertThatThrownBy(() -> decoder.decode(token(key, "hoithao", Instant.now().minusSeconds(600))).block())
			.hasMessageContaining("expired");
		SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
				new JWTClaimsSet.Builder().issuer("http://elsewhere").subject("x").audience("hoithao")
					.expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
		foreign.sign(new RSASSASigner(key));
		assertThatThrownBy(() -> decoder.decode(foreign.serialize()).block()).hasMessageContaining("iss");
	}

	private URI jwks() {
		return URI.create("http://127.0.0.1:" + this.issuer.getAddress().getPort() + "/oauth2/jwks");
	}

	private void startIssuer() throws IOException {
		startIssuer(0);
	}

	private void startIssuer(int port) throws IOException {
		this.issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		this.issuer.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		this.issuer.createContext("/oauth2/jwks", exchange -> {
			this.served.incrementAndGet();
			try {
				this.gate.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] body = this.published.get().toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.issuer.start();
	}

	private static int freePort() throws IOException {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static RSAKey rsa(String kid) throws JOSEException {
		return new RSAKeyGenerator(2048).keyID(kid).generate();
	}

	private static String token(RSAKey key, String audience, Instant expiry) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer(ISSUER)
					.subject("ha.le@example.vn")
					.audience(audience)
					.issueTime(Date.from(expiry.minusSeconds(120)))
					.expirationTime(Date.from(expiry))
					.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
