package io.hoithao.observations.event;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.EventManagers;
import java.util.Optional;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who manages an event here: an administrator, or an organiser of the unit that organises it. The
 * unit is learnt from {@code EventPublished} ({@link ObservedEvent#organiserUnit()}); until this service
 * has learnt it (an event it does not know, or knows only from another message), only an administrator
 * manages the event, and an organiser is told why. The same rule decides whether the event's lessons
 * are public: an event not published here shows its lessons to administrators only.
 */
@Component
public class EventAccess extends EventManagers {

    EventAccess(ReactiveMongoTemplate mongo) {
        super(eventId -> mongo.findById(eventId, ObservedEvent.class).mapNotNull(ObservedEvent::organiserUnit));
    }

    /** Whether the caller may see the event's lessons: it is published here, or the caller is an administrator. */
    public Mono<Boolean> lessonsVisible(String eventId, Caller caller) {
        return caller.isAdmin() ? Mono.just(true) : organiserUnit(eventId).map(Optional::isPresent);
    }
}
