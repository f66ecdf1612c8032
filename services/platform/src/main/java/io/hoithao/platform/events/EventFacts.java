package io.hoithao.platform.events;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.platform.messaging.Idempotency;
import java.time.LocalDate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * What the events topic tells every service of an event, as the writes to a service's own copy of it: one document
 * per event, keyed by the event's id, in the service's own collection and record. A service takes the parts it keeps
 * and adds its own fields to the same update; {@link #apply} writes it once per message ({@link Idempotency}).
 *
 * <p>The messages of one event arrive in order (the event's id is their key), so these writes need no revision of
 * their own; a service that must survive a replay of older messages guards its writes itself.
 */
public final class EventFacts {

    private EventFacts() {
    }

    /** The organising unit: its name as published, and its id when told (older messages name the unit only, and leave the id as it was). */
    public static Update organisingUnit(EventPublished published) {
        return unit(new Update(), published);
    }

    /** The title, the organising unit, the days and their zone. */
    public static Update published(EventPublished published) {
        Update update = unit(new Update().set("title", published.title()), published);
        return days(update, published.startDate(), published.endDate(), published.timeZone());
    }

    /** The new days and their zone. */
    public static Update rescheduled(EventRescheduled rescheduled) {
        return days(new Update(), rescheduled.startDate(), rescheduled.endDate(), rescheduled.timeZone());
    }

    /** Cancelled, for good. */
    public static Update cancelled() {
        return new Update().set("cancelled", true);
    }

    /** Writes the message's update to the copy of its event, creating it if needed; emits it, or nothing if applied before. */
    public static <T> Mono<T> apply(ReactiveMongoTemplate mongo, Class<T> copy, IntegrationMessage message, Update update) {
        return Idempotency.upsert(mongo, copy, message.eventId(), message, update);
    }

    private static Update unit(Update update, EventPublished published) {
        update.set("organiserUnit", published.organiserUnit());
        if (published.organiserUnitId() != null) {
            update.set("organiserUnitId", published.organiserUnitId());
        }
        return update;
    }

    private static Update days(Update update, LocalDate startDate, LocalDate endDate, String timeZone) {
        return update.set("startDate", startDate).set("endDate", endDate).set("timeZone", timeZone);
    }
}
