package io.hoithao.presentations.event;

import io.hoithao.platform.events.EventCopy;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.EventManagers;
import io.hoithao.platform.units.KnownUnits;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who manages an event here: an administrator, or an organiser of the unit that organises it, recognised by the
 * unit's id (the token's {@code unit_id} against {@link ConferenceEvent#organiserUnitId()}, never by name). The
 * unit is learnt from {@code EventPublished}; until this service has learnt its id (an unknown event, one known
 * only from a later message, or one published before messages carried the id), only an administrator manages the
 * event, and organisers are told why. Refusals name the unit by its current name in this service's copy of the
 * directory.
 */
@Component
public class EventAccess extends EventManagers {

    private final ReactiveMongoTemplate mongo;
    private final KnownUnits units;

    EventAccess(ReactiveMongoTemplate mongo, KnownUnits units) {
        super(EventCopy.organiserUnitIds(mongo, ConferenceEvent.class), EventCopy.organiserNames(mongo, ConferenceEvent.class, units));
        this.mongo = mongo;
        this.units = units;
    }

    /** The unit that runs an event, by id, and its name for the answers that refuse someone. */
    public record Organiser(String unitId, String name) {

        /** Whether the caller manages the event: an administrator, or an organiser of exactly this unit. */
        public boolean managedBy(Caller caller) {
            return caller.organisesUnit(unitId);
        }
    }

    /** The unit organising the event; empty while its id is not known here. */
    public Mono<Optional<Organiser>> organiser(String eventId) {
        return mongo.findById(eventId, ConferenceEvent.class)
                .filter(event -> event.organiserUnitId() != null)
                .flatMap(event -> units.name(event.organiserUnitId(), event.organiserUnit())
                        .map(name -> Optional.of(new Organiser(event.organiserUnitId(), name))))
                .defaultIfEmpty(Optional.empty());
    }

    /** Whether the caller manages the event run by this unit (none known: administrators only). */
    public static boolean manages(Optional<Organiser> organiser, Caller caller) {
        return organiser.map(o -> o.managedBy(caller)).orElse(caller.isAdmin());
    }

    /** The 403 for someone who does not manage the event run by this unit. */
    public static io.hoithao.platform.web.ProblemException notManager(String eventId, Optional<Organiser> organiser) {
        return notManager(eventId, organiser.map(Organiser::name).orElse(null));
    }

    /** The ids of the published events the unit with this id organises. */
    public Mono<List<String>> eventsOrganisedBy(String unitId) {
        if (unitId == null || unitId.isBlank()) {
            return Mono.just(List.of());
        }
        Query query = Query.query(Criteria.where("organiserUnitId").is(unitId));
        query.fields().include("_id");
        return mongo.find(query, Document.class, "conference_events")
                .map(event -> event.getString("_id"))
                .collectList();
    }
}
