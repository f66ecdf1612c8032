package io.hoithao.platform.events;

import io.hoithao.platform.units.KnownUnits;
import io.hoithao.platform.units.UnitNameCopies;
import java.util.function.Function;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * A service's own copy of an event, as {@link EventFacts} writes it: the id of the unit that organises the event
 * (null until an {@code EventPublished} carrying it has been applied) and that unit's name. The services that
 * learn who manages an event from their copies read them through these lookups.
 */
public interface EventCopy {

    String organiserUnitId();

    String organiserUnit();

    /** The id of the unit organising an event, by event id; empty while the copy does not know it. */
    static Function<String, Mono<String>> organiserUnitIds(ReactiveMongoTemplate mongo, Class<? extends EventCopy> copies) {
        return eventId -> mongo.findById(eventId, copies).mapNotNull(EventCopy::organiserUnitId);
    }

    /** The name of the unit organising an event, as the directory now names it (as recorded while the directory does not). */
    static Function<String, Mono<String>> organiserNames(ReactiveMongoTemplate mongo, Class<? extends EventCopy> copies,
                                                         KnownUnits units) {
        return eventId -> mongo.findById(eventId, copies).flatMap(event -> units.name(event.organiserUnitId(), event.organiserUnit()));
    }

    /** Where these copies hold the organising unit's name, to follow the directory's renames. */
    static UnitNameCopies organiserNameCopies(Class<? extends EventCopy> copies) {
        return new UnitNameCopies(copies, "organiserUnitId", "organiserUnit");
    }
}
