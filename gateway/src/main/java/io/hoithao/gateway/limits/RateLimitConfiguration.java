package io.hoithao.gateway.limits;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Rate limiting per client ({@link ClientKeyResolver}) and route: an in-memory token bucket
 * ({@code hoithao.gateway.rate-limit.store=memory}, the default) or SCG's {@link RedisRateLimiter}
 * ({@code store=redis}), both answering 429 with {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {

	@Bean
	KeyResolver clientKeyResolver(@Value("${spring.cloud.gateway.server.webflux.trusted-proxies:}") String trusted) {
		return new ClientKeyResolver(trusted);
	}

	// @Primary: the limiter the gateway uses, over SCG's auto-configured (unused) RedisRateLimiter
	@Bean
	@Primary
	@ConditionalOnProperty(name = "hoithao.gateway.rate-limit.store", havingValue = "memory", matchIfMissing = true)
	PerClientRateLimiter inMemoryRateLimiter(RateLimitProperties properties, ObjectProvider<Clock> clock) {
		Clock time = clock.getIfAvailable(Clock::systemUTC);
		return new PerClientRateLimiter(
				new TokenBucketRateLimiter(properties.replenishRate(), properties.burstCapacity(),
						properties.requestedTokens(), time),
				new TokenBucketRateLimiter(properties.addressReplenishRate(), properties.addressBurstCapacity(),
						properties.requestedTokens(), time));
	}

	/**
	 * SCG's Redis token bucket (one Lua script, atomic in Redis, Redis's clock): every gateway
	 * instance on the same Redis shares each client's budget. Redis being down lets requests through
	 * (SCG logs the error): the limiter protects the services, it must not take the gateway down.
	 */
	@Bean
	@ConditionalOnProperty(name = "hoithao.gateway.rate-limit.store", havingValue = "redis")
	RedisRateLimiter hoithaoRedisRateLimiter(RateLimitProperties properties) {
		// the static default configuration applies to every route; the template and the Lua script
		// come from the context (ApplicationContextAware)
		return new RedisRateLimiter(properties.replenishRate(), properties.burstCapacity(),
				properties.requestedTokens());
	}

	/** The same for the buckets of addresses, with their own budget. */
	@Bean
	@ConditionalOnProperty(name = "hoithao.gateway.rate-limit.store", havingValue = "redis")
	RedisRateLimiter hoithaoAddressRedisRateLimiter(RateLimitProperties properties) {
		return new RedisRateLimiter(properties.addressReplenishRate(), properties.addressBurstCapacity(),
				properties.requestedTokens());
	}

	@Bean
	@Primary
	@ConditionalOnProperty(name = "hoithao.gateway.rate-limit.store", havingValue = "redis")
	PerClientRateLimiter redisRateLimiterWithRetryAfter(RedisRateLimiter hoithaoRedisRateLimiter,
			RedisRateLimiter hoithaoAddressRedisRateLimiter, RateLimitProperties properties) {
		return new PerClientRateLimiter(
				new RetryAfterRateLimiter<>(hoithaoRedisRateLimiter, properties.secondsPerRequest()),
				new RetryAfterRateLimiter<>(hoithaoAddressRedisRateLimiter, properties.addressSecondsPerRequest()));
	}

	@Bean
	RateLimitGlobalFilter rateLimitGlobalFilter(RateLimiter<?> rateLimiter, KeyResolver clientKeyResolver) {
		return new RateLimitGlobalFilter(rateLimiter, clientKeyResolver);
	}

}
