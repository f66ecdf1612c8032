package io.hoithao.observations.delegate;

import io.hoithao.observations.event.EventAccess;
import io.hoithao.platform.security.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The delegates of an event who may book observer seats (confirmed registrations), with their emails:
 * for the organisers of the event's unit and administrators only.
 */
@RestController
@RequestMapping("/api/observations/events/{eventId}/observers")
class ObserverHandler {

    private final ObserverStore observers;
    private final EventAccess events;

    ObserverHandler(ObserverStore observers, EventAccess events) {
        this.observers = observers;
        this.events = events;
    }

    @GetMapping
    Mono<List<Observer>> eligible(@PathVariable String eventId, Caller caller) {
        return events.requireManager(eventId, caller).then(Mono.defer(() -> observers.confirmed(eventId).collectList()));
    }
}
