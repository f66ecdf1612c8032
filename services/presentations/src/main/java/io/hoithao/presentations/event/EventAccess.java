package io.hoithao.presentations.event;

import io.hoithao.platform.security.EventManagers;
import io.hoithao.platform.text.Units;
import java.util.List;
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
public class EventAccess extends EventManagers {

    private final ReactiveMongoTemplate mongo;

    EventAccess(ReactiveMongoTemplate mongo) {
        super(eventId -> mongo.findById(eventId, ConferenceEvent.class).mapNotNull(ConferenceEvent::organiserUnit));
        this.mongo = mongo;
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
