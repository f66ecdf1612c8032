package io.hoithao.gateway.limits;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * An in-memory token bucket per route and client key, for a single gateway instance (several
 * instances would each allow the full rate: use {@code store=redis} there). The time comes from an
 * injectable {@link Clock}, so tests are exact.
 *
 * <p>Answers carry the same {@code X-RateLimit-*} headers as SCG's {@code RedisRateLimiter}, and a
 * refusal carries {@code Retry-After}: the whole seconds until the bucket holds enough tokens again.
 * Buckets that have refilled completely are equivalent to absent ones and are swept away, so
 * memory stays bounded by the clients active within one refill period.
 */
public class TokenBucketRateLimiter implements RateLimiter<TokenBucketRateLimiter.Config> {

	public static final String REMAINING_HEADER = "X-RateLimit-Remaining";

	public static final String REPLENISH_RATE_HEADER = "X-RateLimit-Replenish-Rate";

	public static final String BURST_CAPACITY_HEADER = "X-RateLimit-Burst-Capacity";

	private record Bucket(double tokens, long updatedMillis, boolean allowed) {

		double tokensAt(long nowMillis, double ratePerMilli, long capacity) {
			return Math.min(capacity, this.tokens + Math.max(0, nowMillis - this.updatedMillis) * ratePerMilli);
		}

	}

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final AtomicLong lastSweepMillis;

	private final Clock clock;

	private final double replenishRate;

	private final long burstCapacity;

	private final int requestedTokens;

	private final long sweepIntervalMillis;

	/**
	 * @param replenishRate tokens added per second
	 * @param burstCapacity the bucket's size
	 * @param requestedTokens the cost of one request
	 * @param clock the time source
	 */
	public TokenBucketRateLimiter(double replenishRate, long burstCapacity, int requestedTokens, Clock clock) {
		if (!(replenishRate > 0) || requestedTokens < 1 || burstCapacity < requestedTokens) {
			throw new IllegalArgumentException(
					"replenishRate must be > 0, requestedTokens >= 1 and burstCapacity >= requestedTokens");
		}
		this.replenishRate = replenishRate;
		this.burstCapacity = burstCapacity;
		this.requestedTokens = requestedTokens;
		this.clock = clock;
		// an empty bucket is full again after this long: older buckets can go
		this.sweepIntervalMillis = Math.max(1000, (long) Math.ceil(burstCapacity * 1000 / replenishRate));
		this.lastSweepMillis = new AtomicLong(clock.millis());
	}

	@Override
	public Mono<Response> isAllowed(String routeId, String id) {
		return Mono.fromSupplier(() -> take(routeId + "|" + id));
	}

	private Response take(String key) {
		double ratePerMilli = this.replenishRate / 1000;
		long now = this.clock.millis();
		Bucket bucket = this.buckets.compute(key, (k, previous) -> {
			double tokens = (previous != null) ? previous.tokensAt(now, ratePerMilli, this.burstCapacity)
					: this.burstCapacity;
			boolean allowed = tokens >= this.requestedTokens;
			return new Bucket(allowed ? tokens - this.requestedTokens : tokens, now, allowed);
		});
		sweep(now, ratePerMilli);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(REMAINING_HEADER, String.valueOf((long) Math.floor(bucket.tokens())));
		headers.put(REPLENISH_RATE_HEADER, rate());
		headers.put(BURST_CAPACITY_HEADER, String.valueOf(this.burstCapacity));
		if (!bucket.allowed()) {
			double missing = this.requestedTokens - bucket.tokens();
			long seconds = Math.max(1, (long) Math.ceil(missing / this.replenishRate));
			headers.put(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		}
		return new Response(bucket.allowed(), headers);
	}

	private String rate() {
		return (this.replenishRate == Math.rint(this.replenishRate)) ? String.valueOf((long) this.replenishRate)
				: String.valueOf(this.replenishRate);
	}

	private void sweep(long now, double ratePerMilli) {
		long last = this.lastSweepMillis.get();
		if (now - last < this.sweepIntervalMillis || !this.lastSweepMillis.compareAndSet(last, now)) {
			return;
		}
		this.buckets.entrySet()
			.removeIf(entry -> entry.getValue().tokensAt(now, ratePerMilli, this.burstCapacity) >= this.burstCapacity);
	}

	/** Buckets currently held (for tests and metrics). */
	int size() {
		return this.buckets.size();
	}

	// RateLimiter is a StatefulConfigurable: this limiter has one configuration for every route.

	@Override
	public Map<String, Config> getConfig() {
		return Collections.emptyMap();
	}

	@Override
	public Class<Config> getConfigClass() {
		return Config.class;
	}

	@Override
	public Config newConfig() {
		return new Config();
	}

	/** Unused: the rates are the constructor's, from {@code hoithao.gateway.rate-limit.*}. */
	public static class Config {

	}

}
