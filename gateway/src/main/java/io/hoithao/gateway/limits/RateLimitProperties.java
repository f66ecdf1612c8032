package io.hoithao.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hoithao.gateway.rate-limit.*}: a token bucket per client and route (SCG's model). A signed-in
 * client is one person and has the per-user budget ({@code replenish-rate}, {@code burst-capacity});
 * a client without a token is known only by its address, and one address may be a whole school
 * behind one NAT router (36 teachers reading the programme at once), so an address has a budget of
 * its own ({@code address-replenish-rate}, {@code address-burst-capacity}), larger by default. The
 * bucket holds {@code burst-capacity} tokens and gains {@code replenish-rate} tokens per second; a
 * request costs {@code requested-tokens}. Less than one request per second is expressed with the
 * cost: rate 1, cost 60, capacity 600 allows 10 requests at once, then one a minute.
 *
 * @param store where the buckets live: {@code memory} (one gateway instance) or {@code redis}
 * (shared by every instance pointed at the same Redis, {@code spring.data.redis.*})
 * @param replenishRate tokens added per second (SCG 5.0's RedisRateLimiter takes whole tokens)
 * @param burstCapacity the bucket's size
 * @param requestedTokens the cost of one request
 * @param addressReplenishRate tokens added per second to the bucket of an address (no token)
 * @param addressBurstCapacity the size of the bucket of an address
 */
@ConfigurationProperties("hoithao.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("memory") Store store, @DefaultValue("10") int replenishRate,
		@DefaultValue("20") long burstCapacity, @DefaultValue("1") int requestedTokens,
		@DefaultValue("100") int addressReplenishRate, @DefaultValue("200") long addressBurstCapacity) {

	public RateLimitProperties {
		if (replenishRate < 1 || requestedTokens < 1) {
			throw new IllegalArgumentException(
					"hoithao.gateway.rate-limit.replenish-rate and requested-tokens must be >= 1");
		}
		if (burstCapacity < requestedTokens || burstCapacity < replenishRate) {
			throw new IllegalArgumentException(
					"hoithao.gateway.rate-limit.burst-capacity must be >= requested-tokens and >= replenish-rate");
		}
		if (addressReplenishRate < 1 || addressBurstCapacity < requestedTokens
				|| addressBurstCapacity < addressReplenishRate) {
			throw new IllegalArgumentException("hoithao.gateway.rate-limit.address-replenish-rate must be >= 1 and "
					+ "address-burst-capacity >= requested-tokens and >= address-replenish-rate");
		}
	}

	/** Seconds an empty bucket needs for one request, at least 1: the Retry-After of Redis. */
	long secondsPerRequest() {
		return secondsPerRequest(replenishRate);
	}

	/** The same for the bucket of an address. */
	long addressSecondsPerRequest() {
		return secondsPerRequest(addressReplenishRate);
	}

	private long secondsPerRequest(int rate) {
		return Math.max(1, (requestedTokens + (long) rate - 1) / rate);
	}

	public enum Store {

		MEMORY, REDIS

	}

}
