package io.hoithao.notifications.delivery;

import io.hoithao.platform.scheduling.PeriodicTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The figure {@code hoithao.notifications.mails.waiting}: mails not sent yet, counted every 15 seconds rather than
 * at each scrape, so that a scrape never waits for the database. A number that keeps growing means the SMTP
 * server refuses or cannot be reached.
 */
@Component
class MailsWaiting extends PeriodicTask {

    static final String GAUGE = "hoithao.notifications.mails.waiting";

    private final Deliveries deliveries;
    private final AtomicLong waiting = new AtomicLong();

    MailsWaiting(Deliveries deliveries, MeterRegistry meters) {
        super(Duration.ofSeconds(15));
        this.deliveries = deliveries;
        Gauge.builder(GAUGE, waiting, AtomicLong::get)
                .description("Mails waiting to be sent (pending, due or after a failed attempt)")
                .register(meters);
    }

    @Override
    protected Mono<Long> runOnce() {
        return deliveries.waiting().doOnNext(waiting::set);
    }
}
