package io.hoithao.gateway.limits;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenBucketRateLimiterTest {

	final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

	Response take(TokenBucketRateLimiter limiter, String route, String key) {
		return limiter.isAllowed(route, key).block();
	}

	@Test
	void allowsTheBurstThenRefusesWithRetryAfter() {
		TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(2, 3, 1, this.clock);
		for (int remaining = 2; remaining >= 0; remaining--) {
			Response response = take(limiter, "events", "ip:a");
			assertThat(response.isAllowed()).isTrue();
			assertThat(response.getHeaders()).containsEntry("X-RateLimit-Remaining", String.valueOf(remaining))
				.containsEntry("X-RateLimit-Burst-Capacity", "3")
				.containsEntry("X-RateLimit-Replenish-Rate", "2")
				.doesNotContainKey("Retry-After");
		}
		Response refused = take(limiter, "events", "ip:a");
		assertThat(refused.isAllowed()).isFalse();
		// 2 tokens a second: one is back within half a second, announced as one whole second
		assertThat(refused.getHeaders()).containsEntry("Retry-After", "1").containsEntry("X-RateLimit-Remaining", "0");
	}

	@Test
	void refillsAtTheReplenishRateUpToTheCapacity() {
		TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(1, 2, 1, this.clock);
		take(limiter, "r", "k");
		take(limiter, "r", "k");
		assertThat(take(limiter, "r", "k").isAllowed()).isFalse();

		this.clock.advance(Duration.ofMillis(999));
		assertThat(take(limiter, "r", "k").isAllowed()).isFalse();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(take(limiter, "r", "k").isAllowed()).isTrue();
		assertThat(take(limiter, "r", "k").isAllowed()).isFalse();

		// a long pause refills to the capacity, never beyond
		this.clock.advance(Duration.ofHours(1));
		assertThat(take(limiter, "r", "k").isAllowed()).isTrue();
		assertThat(take(limiter, "r", "k").isAllowed()).isTrue();
		assertThat(take(limiter, "r", "k").isAllowed()).isFalse();
	}

	@Test
	void eachClientAndRouteHasItsOwnBucket() {
		TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(1, 1, 1, this.clock);
		assertThat(take(limiter, "events", "ip:a").isAllowed()).isTrue();
		assertThat(take(limiter, "events", "ip:a").isAllowed()).isFalse();
		assertThat(take(limiter, "events", "ip:b").isAllowed()).isTrue();
		assertThat(take(limiter, "events", "user:lan").isAllowed()).isTrue();
		assertThat(take(limiter, "registrations", "ip:a").isAllowed()).isTrue();
	}

	@Test
	void requestedTokensExpressLessThanOneRequestPerSecond() {
		// one request a minute, two at once
		TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(1, 120, 60, this.clock);
		assertThat(take(limiter, "r", "k").isAllowed()).isTrue();
		assertThat(take(limiter, "r", "k").isAllowed()).isTrue();
		Response refused = take(limiter, "r", "k");
		assertThat(refused.isAllowed()).isFalse();
		assertThat(refused.getHeaders()).containsEntry("Retry-After", "60");

		this.clock.advance(Duration.ofSeconds(45));
		assertThat(take(limiter, "r", "k").getHeaders()).containsEntry("Retry-After", "15");
		this.clock.advance(Duration.ofSeconds(15));
		assertThat(take(limiter, "r", "k").isAllowed()).isTrue();
	}

	@Test
	void bucketsThatRefilledCompletelyAreSweptAway() {
		TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(1, 2, 1, this.clock);
		take(limiter, "r", "a");
		take(limiter, "r", "b");
		assertThat(limiter.size()).isEqualTo(2);

		this.clock.advance(Duration.ofSeconds(2));
		take(limiter, "r", "c");
		assertThat(limiter.size()).isEqualTo(1);
	}

	@Test
	void refusesAConfigurationThatCouldNeverAllowARequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucketRateLimiter(1, 5, 6, this.clock));
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucketRateLimiter(0, 5, 1, this.clock));
	}

}
