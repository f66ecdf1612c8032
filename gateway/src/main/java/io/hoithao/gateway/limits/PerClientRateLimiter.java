package io.hoithao.gateway.limits;

import java.util.Map;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * One limiter for signed-in people and another for addresses: the key from {@link ClientKeyResolver}
 * says which ({@code user:...} or {@code ip:...}). Each keeps its own buckets per route and key.
 */
public class PerClientRateLimiter implements RateLimiter<Object> {

	private final RateLimiter<?> users;

	private final RateLimiter<?> addresses;

	public PerClientRateLimiter(RateLimiter<?> users, RateLimiter<?> addresses) {
		this.users = users;
		this.addresses = addresses;
	}

	/** The limiter of signed-in people. */
	public RateLimiter<?> users() {
		return this.users;
	}

	/** The limiter of addresses (requests without a token). */
	public RateLimiter<?> addresses() {
		return this.addresses;
	}

	@Override
	public Mono<Response> isAllowed(String routeId, String id) {
		RateLimiter<?> limiter = (id != null && id.startsWith(ClientKeyResolver.USER_PREFIX)) ? this.users
				: this.addresses;
		return limiter.isAllowed(routeId, id);
	}

	// One configuration for every route, from hoithao.gateway.rate-limit.*: nothing per route.

	@Override
	public Map<String, Object> getConfig() {
		return Map.of();
	}

	@Override
	public Class<Object> getConfigClass() {
		return Object.class;
	}

	@Override
	public Object newConfig() {
		return new Object();
	}

}
