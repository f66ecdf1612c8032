package io.hoithao.keyset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.core.env.PropertyResolver;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A JWT decoder that remembers the tokens it has checked, so that a person's next requests with the same token
 * are not checked again: parsing a token and verifying its RS256 signature cost the gateway about a seventh of its
 * CPU per request, and a service under a crowd a tenth (the benchmark's profile, docs/decisions.md), for an answer
 * that cannot change until the token expires, unless the issuer withdraws the key that signed it.
 *
 * <p>Only tokens that passed every check are remembered, keyed by the whole token, so a forged or altered token
 * is never found here and costs the full check each time. A remembered token is answered only
 * <ul>
 * <li>before its expiry ({@code exp}, by this decoder's clock: stricter than the check's clock skew, after which
 * the full check answers), and</li>
 * <li>while the issuer's key set is the one it was checked against ({@link IssuerKeySet#version()}): a key rotated
 * or withdrawn sends every token through the full check again, so a token of a withdrawn key is refused as
 * soon as the key set no longer holds it, as it would be without this cache.</li>
 * </ul>
 * At most {@code maxSize} tokens are kept (least recently used go first); a token without an expiry is never kept.
 */
public final class CheckedTokens implements ReactiveJwtDecoder {

	/** How many checked tokens are kept by default: a few megabytes, one per person active within a token's life. */
	public static final int DEFAULT_MAX_SIZE = 2_000;

	private final ReactiveJwtDecoder checks;

	private final IssuerKeySet keys;

	private final Clock clock;

	private final Cache<String, Checked> checked;

	/** A token that passed every check, with the version of the key set it was checked against. */
	private record Checked(Jwt jwt, long keys) {
	}

	public CheckedTokens(ReactiveJwtDecoder checks, IssuerKeySet keys, int maxSize) {
		this(checks, keys, maxSize, Clock.systemUTC());
	}

	CheckedTokens(ReactiveJwtDecoder checks, IssuerKeySet keys, int maxSize, Clock clock) {
		this.checks = checks;
		this.keys = keys;
		this.clock = clock;
		// The cache's own expiry only frees the memory; whether an entry may answer is decided on each hit.
		this.checked = Caffeine.newBuilder()
			.maximumSize(maxSize)
			.expireAfter(Expiry.<String, Checked>creating((token, entry) -> until(entry.jwt().getExpiresAt())))
			.build();
	}

	/**
	 * The decoder {@code checks}, remembering what it accepted; at most
	 * {@code hoithao.security.checked-tokens.max-size} tokens (default {@value #DEFAULT_MAX_SIZE}; 0 remembers
	 * none and returns {@code checks} itself).
	 */
	public static ReactiveJwtDecoder around(ReactiveJwtDecoder checks, IssuerKeySet keys, PropertyResolver properties) {
		int maxSize = properties.getProperty("hoithao.security.checked-tokens.max-size", Integer.class, DEFAULT_MAX_SIZE);
		return maxSize <= 0 ? checks : new CheckedTokens(checks, keys, maxSize);
	}

	/**
	 * The checks of tokens from {@code issuer} for {@code audiences} with the issuer's {@code keys}
	 * ({@link IssuerJwtDecoders#reactive}), remembering what they accepted ({@link #around}).
	 */
	public static ReactiveJwtDecoder forIssuer(IssuerKeySet keys, String issuer, Collection<String> audiences,
			PropertyResolver properties) {
		return around(IssuerJwtDecoders.reactive(keys, issuer, audiences), keys, properties);
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		long version = this.keys.version();
		Checked hit = this.checked.getIfPresent(token);
		if (hit != null && hit.keys() == version && this.clock.instant().isBefore(hit.jwt().getExpiresAt())) {
			return Mono.just(hit.jwt());
		}
		// The version read before the check: if the keys change during it, the entry is checked again next time.
		return this.checks.decode(token).doOnNext(jwt -> {
			Instant expiresAt = jwt.getExpiresAt();
			if (expiresAt != null && this.clock.instant().isBefore(expiresAt)) {
				this.checked.put(token, new Checked(jwt, version));
			}
		});
	}

	private Duration until(Instant expiresAt) {
		Duration left = Duration.between(this.clock.instant(), expiresAt);
		return left.isNegative() ? Duration.ZERO : left;
	}

}
