package io.hoithao.presentations.event;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.text.Units;
import io.hoithao.platform.web.ProblemException;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who manages an event here: an administrator, or an organiser of the unit that organises it. The
 * unit is learnt from {@code EventPublished} ({@link ConferenceEvent#organiserUnit()}); until this
 * service has learnt it (an unknown event, or one known only from a later message), only an
 * administrator manages the event, and organisers are told why.
 */
@Component
public class EventAccess {

    private final ReactiveMongoTemplate mongo;

    EventAccess(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The unit organising the event, empty while the event is unknown or not published. */
    public Mono<Optional<String>> organiserUnit(String eventId) {
        return mongo.findById(eventId, ConferenceEvent.class)
                .map(event -> Optional.ofNullable(event.organiserUnit()).filter(unit -> !unit.isBlank()))
                .defaultIfEmpty(Optional.empty());
    }

    /** Completes if the caller manages the event; otherwise a 401 (anonymous) or 403 problem saying why. */
    public Mono<Void> requireManager(String eventId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER);
            if (caller.isAdmin()) {
                return Mono.empty();
            }
            return organiserUnit(eventId).flatMap(unit -> {
                requireManager(eventId, unit.orElse(null), caller);
                return Mono.<Void>empty();
            });
        });
    }

    /** Refuses (403) a caller who does not manage the event organised by {@code unit} (null: not published here). */
    public static void requireManager(String eventId, String unit, Caller caller) {
        caller.requireSignedIn();
        if (caller.organises(unit)) {
            return;
        }
        throw notManager(eventId, unit);
    }

    /** The 403 for a caller who is not an administrator nor an organiser of the event's unit. */
    public static ProblemException notManager(String eventId, String unit) {
        if (unit == null) {
            return ProblemException.forbidden("Event " + eventId + " is not published yet (its organising unit is not"
                    + " known here), so only an administrator may manage it").with("eventId", eventId);
        }
        return ProblemException.forbidden("Only the organisers of " + unit + ", which runs event " + eventId
                + ", or an administrator may do this").with("eventId", eventId);
    }

    /** The ids of the published events this unit organises (unit names compared as {@link Units#same} does). */
    public Mono<List<String>> eventsOrganisedBy(String unit) {
        if (unit == null || unit.isBlank()) {
            return Mono.just(List.of());
        }
        Query query = Query.query(Criteria.where("organiserUnit").ne(null));
        query.fields().include("organiserUnit");
        return mongo.find(query, Document.class, "conference_events")
                .filter(event -> Units.same(unit, event.getString("organiserUnit")))
                .map(event -> event.getString("_id"))
                .collectList();
    }
}
