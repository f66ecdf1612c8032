package io.hoithao.presentations.event;

import io.hoithao.platform.security.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The reviewers an event's organisers named (collection {@code reviewer_assignments}, one document per event,
 * emails in lower case). Naming them is optional: while an event has none, every reviewer may review its papers;
 * once it has some, only they may (read its papers under review and review them). Kept apart from
 * {@link ConferenceEvent}, which anyone may read, because who reviews is not public.
 */
@Component
public class ReviewerAssignments {

    static final String COLLECTION = "reviewer_assignments";

    private final ReactiveMongoTemplate mongo;

    ReviewerAssignments(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The event's named reviewers; empty while anyone with the reviewer role may review its papers. */
    public Mono<List<String>> of(String eventId) {
        return mongo.findById(eventId, Document.class, COLLECTION)
                .map(d -> d.getList("reviewers", String.class, List.of()))
                .defaultIfEmpty(List.of());
    }

    /** Whether the caller is a reviewer of the event: it names none, or names the caller's verified email. */
    public Mono<Boolean> reviews(String eventId, Caller caller) {
        return of(eventId).map(named -> named.isEmpty() || caller.email() != null && named.contains(caller.email()));
    }

    /** The events whose named reviewers do not include the caller (their papers are not hers to review). */
    public Mono<List<String>> closedTo(Caller caller) {
        Criteria named = Criteria.where("reviewers.0").exists(true);
        if (caller.email() != null) {
            named = named.and("reviewers").ne(caller.email());
        }
        Query query = Query.query(named);
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).map(d -> d.getString("_id")).collectList();
    }

    Mono<List<String>> name(String eventId, List<String> emails, Instant now) {
        List<String> reviewers = emails.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).distinct().sorted().toList();
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(eventId)),
                        new Update().set("reviewers", reviewers).set("updatedAt", now),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .map(d -> d.getList("reviewers", String.class, List.of()));
    }
}
