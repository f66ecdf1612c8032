package io.hoithao.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hoithao.gateway.rate-limit.*}: a token bucket per client and route (SCG's model). The
 * bucket holds {@code burst-capacity} tokens and gains {@code replenish-rate} tokens per second; a
 * request costs {@code requested-tokens}. Less than one request per second is expressed with the
 * cost: rate 1, cost 60, capacity 600 allows 10 requests at once, then one a minute.
 *
 * @param store where the buckets live: {@code memory} (one gateway instance) or {@code redis}
 * (shared by every instance pointed at the same Redis, {@code spring.data.redis.*})
 * @param replenishRate tokens added per second (SCG 5.0's RedisRateLimiter takes whole tokens)
 * @param burstCapacity the bucket's size
 * @param requestedTokens the cost of one request
 */
@ConfigurationProperties("hoithao.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("memory") Store store, @DefaultValue("10") int replenishRate,
		@DefaultValue("20") long burstCapacity, @DefaultValue("1") int requestedTokens) {

	public RateLimitProperties {
		if (replenishRate < 1 || requestedTokens < 1) {
			throw new IllegalArgumentException(
					"hoithao.gateway.rate-limit.replenish-rate and requested-tokens must be >= 1");
		}
		if (burstCapacity < requestedTokens || burstCapacity < replenishRate) {
			throw new IllegalArgumentException(
					"hoithao.gateway.rate-limit.burst-capacity must be >= requested-tokens and >= replenish-rate");
		}
	}

	/** Seconds an empty bucket needs for one request, at least 1: the Retry-After of Redis. */
	long secondsPerRequest() {
		return Math.max(1, (requestedTokens + (long) replenishRate - 1) / replenishRate);
	}

	public enum Store {

		MEMORY, REDIS

	}

}
