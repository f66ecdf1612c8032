package io.hoithao.gateway.limits;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * Adds {@code Retry-After} to the refusals of a limiter that does not say when to come back (SCG's
 * {@code RedisRateLimiter} does not): the seconds one token takes to come back, an upper bound for
 * a client whose bucket is empty.
 */
public class RetryAfterRateLimiter<C> implements RateLimiter<C> {

	private final RateLimiter<C> delegate;

	private final long retryAfterSeconds;

	public RetryAfterRateLimiter(RateLimiter<C> delegate, long retryAfterSeconds) {
		this.delegate = delegate;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	@Override
	public Mono<Response> isAllowed(String routeId, String id) {
		return this.delegate.isAllowed(routeId, id).map(response -> {
			if (response.isAllowed() || response.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)) {
				return response;
			}
			Map<String, String> headers = new LinkedHashMap<>(response.getHeaders());
			headers.put(HttpHeaders.RETRY_AFTER, String.valueOf(this.retryAfterSeconds));
			return new Response(false, headers);
		});
	}

	@Override
	public Map<String, C> getConfig() {
		return this.delegate.getConfig();
	}

	@Override
	public Class<C> getConfigClass() {
		return this.delegate.getConfigClass();
	}

	@Override
	public C newConfig() {
		return this.delegate.newConfig();
	}

}
