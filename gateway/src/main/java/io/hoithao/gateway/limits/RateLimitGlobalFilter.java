package io.hoithao.gateway.limits;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.factory.RequestRateLimiterGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * SCG's {@code RequestRateLimiter} filter (429 when the limiter refuses, its headers copied to the
 * response) applied to every route, as a global filter so that it runs first: a refused request
 * is answered before its body is read ({@code AdaptCachedBodyGlobalFilter} would otherwise buffer
 * it, as route filters run after it). The bucket is per route and client key.
 */
public class RateLimitGlobalFilter implements GlobalFilter, Ordered {

	/** Before the body limit and SCG's body caching. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private final GatewayFilter delegate;

	public RateLimitGlobalFilter(RateLimiter<?> rateLimiter, KeyResolver keyResolver) {
		RequestRateLimiterGatewayFilterFactory factory = new RequestRateLimiterGatewayFilterFactory(rateLimiter,
				keyResolver);
		this.delegate = factory.apply(new RequestRateLimiterGatewayFilterFactory.Config());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return this.delegate.filter(exchange, chain);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
