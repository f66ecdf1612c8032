package io.hoithao.identity.throttle;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A budget of {@code limit} per {@code period} for each key, refilled evenly: a burst of {@code limit} at
 * once, then one more each {@code period / limit} (the generic cell rate algorithm). One number per key (when
 * its budget is full again), changed atomically, so concurrent requests never overspend it.
 */
final class Budget {

    /** Above this many keys, keys whose budget is full again are dropped (they hold no information). */
    private static final int TIDY_ABOVE = 50_000;

    private final long interval;
    private final long period;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, Long> fullAgainAt = new ConcurrentHashMap<>();

    Budget(ThrottleProperties.Limit limit, LongSupplier nanos) {
        this.period = limit.period().toNanos();
        this.interval = Math.max(1, period / limit.limit());
        this.nanos = nanos;
    }

    /** Spends one unit of the key's budget: {@link Duration#ZERO}, or how long until there is one (nothing spent). */
    Duration take(String key) {
        long now = nanos.getAsLong();
        if (fullAgainAt.size() > TIDY_ABOVE) {
            fullAgainAt.values().removeIf(at -> at - now <= 0);
        }
        long[] wait = {0};
        fullAgainAt.compute(key, (k, at) -> {
            long next = (at == null || at - now < 0 ? now : at) + interval;
            if (next - now > period) {
                wait[0] = next - now - period;
                return at;
            }
            return next;
        });
        return Duration.ofNanos(wait[0]);
    }

    /** Gives back a unit taken for a request that turned out not to count (a sign-in with the right password). */
    void giveBack(String key) {
        long now = nanos.getAsLong();
        fullAgainAt.computeIfPresent(key, (k, at) -> at - interval - now <= 0 ? null : at - interval);
    }
}
