package io.hoithao.notifications.log;

import io.hoithao.notifications.delivery.Deliveries;
import io.hoithao.notifications.delivery.Delivery;
import io.hoithao.notifications.delivery.DeliveryState;
import io.hoithao.notifications.person.KnownEvent;
import io.hoithao.platform.events.EventCopy;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.EventManagers;
import io.hoithao.platform.units.KnownUnits;
import io.hoithao.platform.web.Page;
import io.hoithao.platform.web.ProblemException;
import java.time.Instant;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Who was told what about an event, when, and with what result: for administrators and the organisers of the unit
 * that runs the event, recognised by the unit's id (the token's {@code unit_id} against the event's
 * {@code organiserUnitId}); refusals name the unit by its current name in this service's copy of the directory.
 */
@RestController
@RequestMapping("/api/notifications/events/{eventId}/deliveries")
class DeliveryLogHandler {

    private final Deliveries deliveries;
    private final Managers managers;

    DeliveryLogHandler(Deliveries deliveries, Managers managers) {
        this.deliveries = deliveries;
        this.managers = managers;
    }

    record Entry(String recipient, String kind, String language, String subject, DeliveryState state, int attempts,
                 Instant createdAt, Instant sentAt, String lastError) {

        static Entry of(Delivery d) {
            return new Entry(d.recipient(), d.kind(), d.language(), d.subject(), d.state(), d.attempts(),
                    d.createdAt(), d.sentAt(), d.lastError());
        }
    }

    @GetMapping
    Mono<Page<Entry>> list(@PathVariable String eventId, Caller caller,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw ProblemException.badRequest("invalid-page", "page must be 0 or more and size between 1 and 200");
        }
        return managers.requireManager(eventId, caller).then(Mono.defer(() -> Page.of(
                deliveries.ofEvent(eventId, page, size).map(Entry::of), deliveries.countOfEvent(eventId), page, size)));
    }

    @Component
    static class Managers extends EventManagers {

        Managers(ReactiveMongoTemplate mongo, KnownUnits units) {
            super(EventCopy.organiserUnitIds(mongo, KnownEvent.class), EventCopy.organiserNames(mongo, KnownEvent.class, units));
        }
    }
}
