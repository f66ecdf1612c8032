package io.hoithao.platform.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import reactor.core.publisher.Mono;

/**
 * Finishes what a crash between two writes left half done: a service without transactions keeps one decision in
 * two documents, and a crash in between leaves them disagreeing. A sweep says what it looks for and how it settles
 * it ({@link #sweep}); this class runs it once the application is ready and then every {@code interval}, and keeps
 * the rest the same for every service:
 * <ul>
 *   <li><b>grace</b>: a pass looks only at state untouched for the grace period, so work in flight is left to
 *       finish;</li>
 *   <li><b>one scheduled pass at a time</b> in an instance: a tick or the start-up pass that comes while one runs
 *       is dropped. Across instances nothing is claimed: every repair is a conditional write, as a live request's
 *       is, so two instances (or a test's pass beside the timer's) settling the same thing settle it once;</li>
 *   <li><b>errors</b>: a failed or hung pass is logged and counted and the timer carries on
 *       ({@link PeriodicTask});</li>
 *   <li><b>what was repaired</b>: one log line per pass that repaired something, and the counter
 *       {@value #REPAIRED} by sweep and kind; failed passes count in {@value #FAILED}.</li>
 * </ul>
 *
 * @param <R> what one pass repaired
 */
public abstract class RepairSweep<R extends RepairSweep.Outcome> extends PeriodicTask
        implements ApplicationListener<ApplicationReadyEvent> {

    /** Repairs made, tagged {@code sweep} and {@code kind}. */
    public static final String REPAIRED = "hoithao.repair.repaired";
    /** Scheduled passes that failed or timed out, tagged {@code sweep}. */
    public static final String FAILED = "hoithao.repair.failed";

    /** What one pass repaired. */
    public interface Outcome {

        /** How many repairs of each kind the pass made (the log line names them in alphabetical order). */
        Map<String, Long> counts();

        default long total() {
            return counts().values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration grace;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean scheduledPassRunning = new AtomicBoolean();

    /**
     * @param name   the sweep's name in the log and the metrics' {@code sweep} tag
     * @param grace  how long state must be untouched before a pass repairs it
     */
    protected RepairSweep(String name, Duration interval, Duration grace, MeterRegistry meters) {
        super(interval);
        this.name = name;
        this.grace = grace;
        this.meters = meters;
    }

    /**
     * Finds what was left half done and settles it: only state last changed before {@code staleBefore}
     * ({@code now} less the grace period) is repaired. Each repair is a conditional write.
     */
    protected abstract Mono<R> sweep(Instant now, Instant staleBefore);

    public Duration grace() {
        return grace;
    }

    /** One pass now. */
    public Mono<R> repair() {
        return repair(clock.instant());
    }

    /** One pass as of {@code now}: what was untouched since {@code now} less the grace period is repaired. */
    public Mono<R> repair(Instant now) {
        return Mono.defer(() -> sweep(now, now.minus(grace))).doOnNext(this::reported);
    }

    @Override
    protected final Mono<R> runOnce() {
        return scheduledPass();
    }

    /** The first pass, once the application is ready: a restart after a crash repairs at once. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        scheduledPass().subscribe(outcome -> { }, this::passFailed);
    }

    @Override
    protected void passFailed(Throwable error) {
        Counter.builder(FAILED).tag("sweep", name).register(meters).increment();
        log.warn("Repair of {} failed: {}", name, error.toString());
    }

    private Mono<R> scheduledPass() {
        return Mono.defer(() -> {
            if (!scheduledPassRunning.compareAndSet(false, true)) {
                return Mono.empty();
            }
            return repair().doFinally(signal -> scheduledPassRunning.set(false));
        });
    }

    private void reported(R outcome) {
        Map<String, Long> counts = new TreeMap<>(outcome.counts());
        counts.forEach((kind, count) -> {
            if (count > 0) {
                Counter.builder(REPAIRED).tag("sweep", name).tag("kind", kind).register(meters).increment(count);
            }
        });
        if (outcome.total() > 0) {
            log.info("Repaired {}: {}", name, counts.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
    }
}
