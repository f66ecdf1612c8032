package io.hoithao.platform.scheduling;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Work repeated on a timer while the application runs (outbox sweeps, repairs of half-finished work).
 * Passes never overlap: a tick that comes while a pass is running is dropped. A failed pass is logged
 * and the timer carries on. A pass that has not finished within its timeout (a database call that
 * never answers, a connection stuck half open) is cancelled and counts as failed, so one hung call
 * cannot stop the timer for good: the next tick starts a fresh pass.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    /** How long a pass may take unless the task says otherwise: far beyond any healthy pass. */
    public static final Duration DEFAULT_PASS_TIMEOUT = Duration.ofMinutes(2);

    private final Duration interval;
    private final Duration passTimeout;
    private volatile Disposable timer;

    protected PeriodicTask(Duration interval) {
        this(interval, DEFAULT_PASS_TIMEOUT);
    }

    protected PeriodicTask(Duration interval, Duration passTimeout) {
        this.interval = interval;
        this.passTimeout = passTimeout;
    }

    /** One pass of the work. */
    protected abstract Mono<?> runOnce();

    /** Called with what ended a pass that failed or timed out, before the timer carries on. */
    protected void passFailed(Throwable error) {
        log.warn("{} failed: {}", getClass().getName(), error.toString());
    }

    @Override
    public void start() {
        timer = Flux.interval(interval, interval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(this::runOnce).timeout(passTimeout).onErrorResume(e -> {
                    passFailed(e);
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = timer;
        if (current != null) {
            current.dispose();
        }
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
