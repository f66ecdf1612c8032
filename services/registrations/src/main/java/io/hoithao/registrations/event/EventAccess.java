package io.hoithao.registrations.event;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.EventManagers;
import org.springframework.stereotype.Component;

/**
 * Who manages an event's registrations here: an administrator, or an organiser of the unit that runs it
 * (the token's {@code unit} against {@link OpenEvent#organiserUnit()}, compared as {@link Caller#organises}
 * does). The unit is learnt from {@code EventPublished}; until this service has learnt it (an event it does
 * not know, or knows only from other messages), only an administrator manages the event, and an organiser is
 * told why.
 */
@Component
public class EventAccess extends EventManagers {

    EventAccess(EventProjection events) {
        super(eventId -> events.find(eventId).mapNotNull(OpenEvent::organiserUnit));
    }
}
