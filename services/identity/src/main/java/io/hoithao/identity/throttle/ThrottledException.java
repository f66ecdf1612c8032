package io.hoithao.identity.throttle;

import java.time.Duration;

/** A budget is spent: the answer is 429 with {@code Retry-After} (whole seconds, at least 1). */
public class ThrottledException extends RuntimeException {

    private final long retryAfterSeconds;

    ThrottledException(Duration wait) {
        super("Too many requests; retry after " + wait);
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
