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
 * and the timer carries on.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final Duration interval;
    private volatile Disposable timer;

    protected PeriodicTask(Duration interval) {
        this.interval = interval;
    }

    /** One pass of the work. */
    protected abstract Mono<?> runOnce();

    @Override
    public void start() {
        timer = Flux.interval(interval, interval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> runOnce().onErrorResume(e -> {
                    log.warn("{} failed: {}", getClass().getSimpleName(), e.toString());
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
