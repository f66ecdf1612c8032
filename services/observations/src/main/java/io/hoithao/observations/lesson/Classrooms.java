package io.hoithao.observations.lesson;

import io.hoithao.platform.text.Units;
import io.hoithao.platform.web.ProblemException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The timetable of each classroom (collection {@code classrooms}, one document per room): a lesson takes
 * its slot there by a conditional write before it is stored, so two lessons in one classroom can never
 * overlap, even when organisers add them at the same moment. A room is named by the venue's id in the
 * events service's programme, never by a typed school name: a name another unit types reaches no one
 * else's timetable, and two schools whose names fold alike stay two. A lesson without a venue id (added
 * here at a school no programme lesson of its event names, or from a message older than venue ids) has a
 * timetable of its own event only.
 */
@Component
class Classrooms {

    static final String COLLECTION = "classrooms";
    private static final Logger log = LoggerFactory.getLogger(Classrooms.class);

    private final ReactiveMongoTemplate mongo;

    Classrooms(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> claim(Lesson lesson, Instant now) {
        return take(lesson, now)
                .flatMap(claim -> claim instanceof IntervalClaims.Clash clash
                        ? Mono.error(ProblemException.conflict("classroom-clash", "Classroom " + lesson.classroom() + " at "
                                        + lesson.hostSchool() + " already has lesson " + clash.with().lessonId() + " ("
                                        + clash.with().title() + ") at that time")
                                .with("clashingLessonId", clash.with().lessonId())
                                .with("clashingTitle", clash.with().title())
                                .with("clashingStartsAt", LessonView.local(clash.with().startsAt()))
                                .with("clashingEndsAt", LessonView.local(clash.with().endsAt())))
                        : Mono.empty());
    }

    private Mono<IntervalClaims.Claim> take(Lesson lesson, Instant now) {
        Map<String, Object> onInsert = new HashMap<>();
        onInsert.put("hostSchool", lesson.hostSchool());
        onInsert.put("classroom", lesson.classroom());
        onInsert.put(lesson.venueId() != null ? "venueId" : "eventId", lesson.venueId() != null ? lesson.venueId() : lesson.eventId());
        return IntervalClaims.claim(mongo, COLLECTION, key(lesson), Slot.of(lesson, now), onInsert);
    }

    /** Gives the lesson's slot in the room it names back (nothing if it names none). */
    Mono<Void> release(Lesson lesson) {
        if (lesson.classroom() == null) {
            return Mono.empty();
        }
        return IntervalClaims.release(mongo, COLLECTION, key(lesson), lesson.id(), Instant.now().plusSeconds(1));
    }

    Mono<Void> move(String lessonId, Interval to) {
        return IntervalClaims.move(mongo, COLLECTION, lessonId, to);
    }

    /**
     * Frees the claims nothing stands behind any more: a slot claimed before {@code claimedBefore} whose lesson
     * does not exist or is cancelled (a crash between a claim and the lesson's write leaves such a slot). A slot
     * of a lesson that is now kept in another timetable (a crash between a change of room and the release of the
     * old one, or a claim written under an older key) is moved: the lesson's own timetable is claimed first (as
     * of {@code now}), and the old slot given up only once that is held, so the lesson is never without its
     * room; if another lesson holds that time there, the old slot is kept and a warning logged. A slot claimed
     * again since is kept. Emits how many were freed.
     */
    Mono<Long> freeOrphans(Instant now, Instant claimedBefore) {
        Query old = Query.query(Criteria.where(IntervalClaims.SLOTS + ".claimedAt").lte(claimedBefore));
        return mongo.find(old, Document.class, COLLECTION)
                .concatMap(room -> Flux.fromIterable(IntervalClaims.slots(room))
                        .filter(slot -> !slot.claimedAt().isAfter(claimedBefore))
                        .concatMap(slot -> mongo.findById(slot.lessonId(), Lesson.class)
                                .filter(lesson -> lesson.bookable() && lesson.classroom() != null)
                                .flatMap(lesson -> key(lesson).equals(room.getString("_id")) ? Mono.just(true)
                                        : heldElsewhere(lesson, room.getString("_id"), now).map(moved -> !moved))
                                .defaultIfEmpty(false)
                                .filter(kept -> !kept)
                                .flatMap(orphan -> IntervalClaims.release(mongo, COLLECTION, room.getString("_id"), slot.lessonId(),
                                        slot.claimedAt()).thenReturn(1L))))
                .count();
    }

    /** Claims the lesson's own timetable; whether it holds its slot there now (false: another lesson does, keep the old slot). */
    private Mono<Boolean> heldElsewhere(Lesson lesson, String oldKey, Instant now) {
        return take(lesson, now).map(claim -> {
            if (claim instanceof IntervalClaims.Clash clash) {
                log.warn("Lesson {} keeps its slot in timetable {}: its own timetable {} has lesson {} at that time",
                        lesson.id(), oldKey, key(lesson), clash.with().lessonId());
                return false;
            }
            return true;
        });
    }

    /** The timetable a lesson's classroom is kept in. */
    static String key(Lesson lesson) {
        return key(lesson.eventId(), lesson.venueId(), lesson.hostSchool(), lesson.classroom());
    }

    /**
     * By the venue's id when the lesson has one; otherwise by its event and school name. Within one venue "Lớp A1"
     * and "lop  a1" are the same room: room names (and school names within an event) are folded as the platform
     * folds unit names (case, diacritics, đ and spacing ignored).
     */
    static String key(String eventId, String venueId, String hostSchool, String classroom) {
        return venueId != null ? "venue:" + venueId + "|" + Units.fold(classroom)
                : "event:" + eventId + "|" + Units.fold(hostSchool) + "|" + Units.fold(classroom);
    }
}
