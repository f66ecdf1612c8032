package io.hoithao.notifications.programme;

import io.hoithao.notifications.NotificationsProperties;
import io.hoithao.notifications.delivery.Deliveries;
import io.hoithao.notifications.mail.Mails;
import io.hoithao.notifications.person.KnownEvent;
import io.hoithao.notifications.person.Person;
import io.hoithao.notifications.preference.Preference;
import io.hoithao.platform.scheduling.PeriodicTask;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns each digest whose window has closed into one mail. The delivery is written first, named by the
 * changes it lists, then the digest is removed only if no change joined it meanwhile; if one did, the
 * next pass writes a mail with all of them. Two instances write the same delivery id, so one mail. A person
 * whose registration is no longer confirmed when the window closes gets none.
 */
@Component
class DigestFlusher extends PeriodicTask {

    private final ReactiveMongoTemplate mongo;
    private final Deliveries deliveries;
    private final Mails mails;

    DigestFlusher(ReactiveMongoTemplate mongo, Deliveries deliveries, Mails mails, NotificationsProperties properties) {
        super(properties.dispatchInterval());
        this.mongo = mongo;
        this.deliveries = deliveries;
        this.mails = mails;
    }

    @Override
    protected Mono<?> runOnce() {
        return mongo.find(Query.query(Criteria.where("dueAt").lte(Instant.now())), Digest.class)
                .concatMap(this::flush)
                .then();
    }

    private Mono<?> flush(Digest digest) {
        int count = digest.changes().size();
        String key = "digest|" + digest.id() + "|" + digest.changes().get(0).messageId() + "|"
                + digest.changes().get(count - 1).messageId() + "|" + count;
        Mono<String> language = mongo.findById(digest.recipient(), Preference.class).map(Preference::language).defaultIfEmpty("vi");
        Mono<Optional<KnownEvent>> event = mongo.findById(digest.eventId(), KnownEvent.class).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        // Whoever cancelled her registration within the window is no longer concerned: her digest goes unsent.
        Query stillConfirmed = Query.query(Criteria.where("eventId").is(digest.eventId())
                .and("email").regex("^" + Pattern.quote(digest.recipient()) + "$", "i").and("status").is("CONFIRMED"));
        return mongo.exists(stillConfirmed, Person.class)
                .filter(Boolean::booleanValue)
                .flatMap(confirmed -> Mono.zip(language, event))
                .flatMap(t -> deliveries.enqueue(mails.renderProgramme(key, digest, t.getT1(), t.getT2().orElse(null), Instant.now()))
                        .then(Mono.just(true)))
                .then(mongo.remove(Query.query(Criteria.where("_id").is(digest.id()).and("changes").size(count)), Digest.class));
    }
}
