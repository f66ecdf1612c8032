package io.hoithao.observations.event;

import io.hoithao.platform.events.EventCopy;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.EventManagers;
import io.hoithao.platform.units.KnownUnits;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who manages an event here: an administrator, or an organiser of the unit that organises it, recognised by the
 * unit's id (the token's {@code unit_id} against {@link ObservedEvent#organiserUnitId()}, never by name). The unit
 * is learnt from {@code EventPublished}; until this service has learnt its id (an event it does not know, knows only
 * from another message, or that was published before messages carried the id), only an administrator manages the
 * event, and an organiser is told why. Refusals name the unit by its current name in this service's copy of the
 * directory. Whether the event's lessons are public is decided by its publication: an event not published here shows
 * its lessons to administrators only.
 */
@Component
public class EventAccess extends EventManagers {

    private final ReactiveMongoTemplate mongo;

    EventAccess(ReactiveMongoTemplate mongo, KnownUnits units) {
        super(EventCopy.organiserUnitIds(mongo, ObservedEvent.class), EventCopy.organiserNames(mongo, ObservedEvent.class, units));
        this.mongo = mongo;
    }

    /** Whether the caller may see the event's lessons: it is published here, or the caller is an administrator. */
    public Mono<Boolean> lessonsVisible(String eventId, Caller caller) {
        return caller.isAdmin() ? Mono.just(true) : mongo.findById(eventId, ObservedEvent.class)
                .map(event -> event.organiserUnit() != null && !event.organiserUnit().isBlank())
                .defaultIfEmpty(false);
    }
}
