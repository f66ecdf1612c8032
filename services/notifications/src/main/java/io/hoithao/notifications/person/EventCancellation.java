package io.hoithao.notifications.person;

import io.hoithao.notifications.delivery.Deliveries;
import io.hoithao.notifications.mail.Mails;
import io.hoithao.notifications.mail.Mails.Details;
import io.hoithao.notifications.preference.Preference;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A cancelled event is one mail to each person who held or awaited a place: {@code event.cancelled}, with
 * the organiser's reason. Two messages tell of it (the events service's {@code EventCancelled}, then the
 * registrations service's {@code RegistrationCancelled} for each registration it cancels, on another topic
 * and so in no set order); both write the same delivery, {@code event.cancelled|<event>|<email>}, so
 * whichever comes first sends the mail and the other finds it written.
 */
@Component
public class EventCancellation {

    /** How the registrations service words the reason of the registrations it cancels with their event. */
    static final String REGISTRATIONS_PREFIX = "The event was cancelled";

    private final ReactiveMongoTemplate mongo;
    private final Deliveries deliveries;
    private final Mails mails;

    EventCancellation(ReactiveMongoTemplate mongo, Deliveries deliveries, Mails mails) {
        this.mongo = mongo;
        this.deliveries = deliveries;
        this.mails = mails;
    }

    /** From {@code EventCancelled}: everyone confirmed, waiting or awaiting approval. */
    public Mono<?> eventCancelled(String eventId, String reason, Instant at) {
        Query active = Query.query(Criteria.where("eventId").is(eventId).and("status").in(List.of("CONFIRMED", "WAITLISTED", "PENDING")));
        return mongo.find(active, Person.class)
                .concatMap(person -> mail(eventId, person.email(), person.fullName(), reason, at))
                .then();
    }

    /** Whether a {@code RegistrationCancelled} came of its event's cancellation (then it is told by {@link #mail}). */
    static boolean byTheEvent(KnownEvent event, String reason) {
        return (event != null && Boolean.TRUE.equals(event.cancelled()))
                || (reason != null && reason.startsWith(REGISTRATIONS_PREFIX));
    }

    /** The organiser's words from a reason the registrations service wrote ("The event was cancelled: …"). */
    static String organisersReason(String reason) {
        if (reason == null || !reason.startsWith(REGISTRATIONS_PREFIX)) {
            return reason;
        }
        String rest = reason.substring(REGISTRATIONS_PREFIX.length()).replaceFirst("^[:.]?\\s*", "");
        return rest.isBlank() ? null : rest;
    }

    Mono<?> mail(String eventId, String email, String name, String reason, Instant at) {
        String recipient = email.toLowerCase(Locale.ROOT);
        Mono<String> language = mongo.findById(recipient, Preference.class).map(Preference::language).defaultIfEmpty("vi");
        Mono<Optional<KnownEvent>> event = mongo.findById(eventId, KnownEvent.class).map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.zip(language, event).flatMap(t -> deliveries.enqueue(mails.render("event.cancelled|" + eventId,
                "event.cancelled", recipient, name == null ? recipient : name, t.getT1(), eventId, t.getT2().orElse(null),
                new Details(null, null, reason, true), at)));
    }
}
