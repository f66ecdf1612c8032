package io.hoithao.registrations.event;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.events.CapacityChanged;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventCompleted;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.RegistrationClosed;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.web.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps {@link OpenEvent} up to date from the events service's messages (every write idempotent by
 * message id) and holds the organiser's seat policy. Messages that carry a {@code revision} only
 * apply when newer than what the projection has, so a replayed old message cannot undo a newer one.
 */
@Component
public class EventProjection {

    private final ReactiveMongoTemplate mongo;

    EventProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<OpenEvent> find(String eventId) {
        return mongo.findById(eventId, OpenEvent.class);
    }

    /**
     * The event without its seat holders (which grow with the seats taken): enough to know whether it takes
     * registrations and how, for the decision that {@code Seats} then takes on the whole document.
     */
    public Mono<OpenEvent> findPolicy(String eventId) {
        Query query = Query.query(Criteria.where("_id").is(eventId));
        query.fields().exclude("seatHolders", "unitHolders");
        return mongo.findOne(query, OpenEvent.class);
    }

    public Mono<OpenEvent> get(String eventId) {
        return find(eventId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Event", eventId)));
    }

    // Each of the following applies one message of the events topic and emits the event if this message changed it.

    public Mono<OpenEvent> published(EventPublished published) {
        // The unit (who manages the event here) and the title apply whatever arrived first. EventPublished
        // has no revision, so it sets the days only if no reschedule got here first: a second write,
        // conditional on that, which sets the same values however often it runs, so a redelivery after a
        // crash between the two finishes the job.
        Update publishedUpdate = created("capacity")
                .set("title", published.title())
                .set("organiserUnit", published.organiserUnit().strip())
                .setOnInsert("capacity", published.capacity());
        if (published.organiserUnitId() != null) {
            publishedUpdate.set("organiserUnitId", published.organiserUnitId());
        }
        Mono<OpenEvent> unit = upsert(published, null, publishedUpdate);
        Mono<OpenEvent> days = mongo.findAndModify(Query.query(Criteria.where("_id").is(published.eventId())
                        .and("scheduleRevision").exists(false)),
                new Update().set("firstDay", published.startDate().toString())
                        .set("lastDay", published.endDate().toString())
                        .set("timeZone", published.timeZone()),
                FindAndModifyOptions.options().returnNew(true), OpenEvent.class);
        return unit.flatMap(applied -> days.defaultIfEmpty(applied))
                .switchIfEmpty(Mono.defer(() -> days.then(Mono.empty())));
    }

    public Mono<OpenEvent> rescheduled(EventRescheduled rescheduled) {
        return upsert(rescheduled, c -> c.and("scheduleRevision").not().gte(rescheduled.revision()), created()
                .set("firstDay", rescheduled.startDate().toString())
                .set("lastDay", rescheduled.endDate().toString())
                .set("timeZone", rescheduled.timeZone())
                .set("scheduleRevision", rescheduled.revision()));
    }

    public Mono<OpenEvent> opened(RegistrationOpened opened) {
        return upsert(opened, null, created("capacity", "registrationOpen")
                .set("title", opened.title())
                .set("capacity", opened.capacity())
                .set("registrationOpen", true)
                .set("closesAt", opened.closesAt()));
    }

    public Mono<OpenEvent> closed(RegistrationClosed closed) {
        return upsert(closed, null, created("registrationOpen").set("registrationOpen", false));
    }

    public Mono<OpenEvent> cancelled(EventCancelled cancelled) {
        return upsert(cancelled, null, created("cancelled", "registrationOpen")
                .set("registrationOpen", false).set("cancelled", true)
                .set("cancelReason", cancelled.reason()));
    }

    public Mono<OpenEvent> completed(EventCompleted completed) {
        return upsert(completed, null, created("completed", "registrationOpen")
                .set("registrationOpen", false).set("completed", true));
    }

    public Mono<OpenEvent> capacityChanged(CapacityChanged changed) {
        // Lowering below the confirmed count drops nobody: the event shows as over capacity and
        // no seat is given until enough delegates have cancelled.
        return upsert(changed, c -> c.and("capacityRevision").not().gte(changed.revision()), created("capacity")
                .set("capacity", changed.capacity())
                .set("capacityRevision", changed.revision()));
    }

    /**
     * Sets the per-unit quotas (replacing earlier ones), by unit id, with the units' current names (kept in step
     * by {@link #followRename}); a unit without a quota is limited only by capacity.
     */
    public Mono<OpenEvent> setQuotas(String eventId, Map<String, Integer> quotas, Map<String, String> names) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(eventId)),
                        new Update().set("quotas", quotas).set("quotaUnits", names),
                        FindAndModifyOptions.options().returnNew(true), OpenEvent.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Event", eventId)));
    }

    /** The quotas' copy of a unit's name follows the directory (a rename). */
    public Mono<Void> followRename(String unitId, String officialName) {
        return mongo.updateMulti(Query.query(Criteria.where("quotas." + unitId).exists(true)),
                new Update().set("quotaUnits." + unitId, officialName), OpenEvent.class).then();
    }

    public Mono<OpenEvent> setApprovalRequired(String eventId, boolean required) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(eventId)),
                        new Update().set("approvalRequired", required),
                        FindAndModifyOptions.options().returnNew(true), OpenEvent.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Event", eventId)));
    }

    /**
     * Fields a projection created by any message must have, so the seat filter always finds them and the
     * document always reads back (a capacity of 0 and registration closed until a message says otherwise).
     * {@code setByTheMessage} names the fields the message's own update sets, which Mongo refuses to see twice.
     */
    private static Update created(String... setByTheMessage) {
        Update update = new Update();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("capacity", 0);
        defaults.put("registrationOpen", false);
        defaults.put("cancelled", false);
        defaults.put("completed", false);
        defaults.put("approvalRequired", false);
        defaults.put("seatHolders", List.of());
        defaults.put("unitHolders", Map.of());
        defaults.put("quotas", Map.of());
        List.of(setByTheMessage).forEach(defaults::remove);
        defaults.forEach(update::setOnInsert);
        return update;
    }

    /**
     * Like {@link Idempotency#upsert} with an extra guard (a newer revision). When the document exists
     * but the guard or the applied-id check excludes it, the upsert's insert collides with its {@code _id}:
     * the message is stale or a duplicate, and changes nothing.
     */
    private Mono<OpenEvent> upsert(IntegrationMessage message, UnaryOperator<Criteria> guard, Update update) {
        Criteria criteria = Criteria.where("_id").is(message.eventId());
        if (guard != null) {
            criteria = guard.apply(criteria);
        }
        return Idempotency.upsert(mongo, OpenEvent.class, criteria, message, update);
    }
}
