package io.hoithao.observations.lesson;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Claims a time slot in a timetable document (a classroom's, or a delegate's schedule) with one
 * conditional upsert: it matches only while the document holds no slot of another lesson overlapping
 * the new one, and pushes the slot. Two concurrent claims of overlapping slots cannot both succeed,
 * because each is a single atomic write of the same document; this is what makes checks that span
 * several lessons safe without transactions.
 */
public final class IntervalClaims {

    public static final String SLOTS = "slots";

    /** The outcome of a claim. */
    public sealed interface Claim permits Claimed, Already, Clash {
    }

    /** The slot is now held. */
    public record Claimed() implements Claim {
    }

    /** The timetable already held this lesson (its claim time was refreshed so a concurrent release keeps it). */
    record Already() implements Claim {
    }

    /** Another lesson's slot overlaps. */
    public record Clash(Slot with) implements Claim {
    }

    private IntervalClaims() {
    }

    public static Mono<Claim> claim(ReactiveMongoTemplate mongo, String collection, String id, Slot slot,
                                    Map<String, Object> onInsert) {
        return claim(mongo, collection, id, slot, onInsert, 3);
    }

    private static Mono<Claim> claim(ReactiveMongoTemplate mongo, String collection, String id, Slot slot,
                                     Map<String, Object> onInsert, int attempts) {
        Criteria overlapping = Criteria.where("lessonId").ne(slot.lessonId())
                .and("startsAt").lt(slot.endsAt()).and("endsAt").gt(slot.startsAt());
        Query free = Query.query(Criteria.where("_id").is(id)
                .and(SLOTS + ".lessonId").ne(slot.lessonId())
                .and(SLOTS).not().elemMatch(overlapping));
        Update update = new Update().push(SLOTS, slotDocument(slot));
        onInsert.forEach(update::setOnInsert);
        return mongo.findAndModify(free, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, collection)
                .<Claim>map(done -> new Claimed())
                // The document exists but did not match: the guarded upsert tried a second document with its _id.
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .switchIfEmpty(Mono.defer(() -> why(mongo, collection, id, slot)
                        .switchIfEmpty(Mono.defer(() -> attempts > 1
                                ? claim(mongo, collection, id, slot, onInsert, attempts - 1)
                                : Mono.error(new IllegalStateException("slot claim of " + id + " kept failing"))))));
    }

    private static Mono<Claim> why(ReactiveMongoTemplate mongo, String collection, String id, Slot slot) {
        return mongo.findById(id, Document.class, collection).flatMap(document -> {
            List<Slot> held = slots(document);
            if (held.stream().anyMatch(s -> s.lessonId().equals(slot.lessonId()))) {
                return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(SLOTS + ".lessonId").is(slot.lessonId())),
                                new Update().set(SLOTS + ".$.claimedAt", Date.from(slot.claimedAt())), collection)
                        .thenReturn(new Already());
            }
            return held.stream().filter(s -> s.interval().overlaps(slot.interval())).findFirst()
                    .<Mono<Claim>>map(clash -> Mono.just(new Clash(clash)))
                    .orElseGet(Mono::empty);
        });
    }

    /** Gives a lesson's slot up, unless it was (re)claimed after {@code claimedBefore}. */
    public static Mono<Void> release(ReactiveMongoTemplate mongo, String collection, String id, String lessonId,
                                     Instant claimedBefore) {
        Document match = new Document("lessonId", lessonId).append("claimedAt", new Document("$lte", Date.from(claimedBefore)));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().pull(SLOTS, match), collection).then();
    }

    /** Moves a lesson's slot in every timetable that holds it (the events service decided the move; clashes are reported, not refused). */
    public static Mono<Void> move(ReactiveMongoTemplate mongo, String collection, String lessonId, Interval to) {
        return mongo.updateMulti(Query.query(Criteria.where(SLOTS + ".lessonId").is(lessonId)),
                new Update().set(SLOTS + ".$.startsAt", Date.from(to.startsAt())).set(SLOTS + ".$.endsAt", Date.from(to.endsAt())),
                collection).then();
    }

    public static Document slotDocument(Slot slot) {
        return new Document("lessonId", slot.lessonId()).append("title", slot.title())
                .append("startsAt", Date.from(slot.startsAt())).append("endsAt", Date.from(slot.endsAt()))
                .append("claimedAt", Date.from(slot.claimedAt()));
    }

    public static List<Slot> slots(Document document) {
        return document.getList(SLOTS, Document.class, List.of()).stream()
                .map(d -> new Slot(d.getString("lessonId"), d.getString("title"), d.getDate("startsAt").toInstant(),
                        d.getDate("endsAt").toInstant(), d.getDate("claimedAt").toInstant()))
                .toList();
    }
}
