package io.hoithao.observations.lesson;

import io.hoithao.platform.text.Units;
import io.hoithao.platform.web.ProblemException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
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

    private final ReactiveMongoTemplate mongo;

    Classrooms(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> claim(Lesson lesson, Instant now) {
        String key = key(lesson);
        Map<String, Object> onInsert = new HashMap<>();
        onInsert.put("hostSchool", lesson.hostSchool());
        onInsert.put("classroom", lesson.classroom());
        onInsert.put(lesson.venueId() != null ? "venueId" : "eventId", lesson.venueId() != null ? lesson.venueId() : lesson.eventId());
        return IntervalClaims.claim(mongo, COLLECTION, key, Slot.of(lesson, now), onInsert)
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
     * does not exist, is cancelled, or is now in another room (a crash between a claim and the lesson's write, or
     * between a lesson's change of room and the release of the old one, leaves such a slot). A slot claimed again
     * since is kept. Emits how many were freed.
     */
    Mono<Long> freeOrphans(Instant claimedBefore) {
        Query old = Query.query(Criteria.where(IntervalClaims.SLOTS + ".claimedAt").lte(claimedBefore));
        return mongo.find(old, Document.class, COLLECTION)
                .concatMap(room -> Flux.fromIterable(IntervalClaims.slots(room))
                        .filter(slot -> !slot.claimedAt().isAfter(claimedBefore))
                        .concatMap(slot -> mongo.findById(slot.lessonId(), Lesson.class)
                                .map(lesson -> lesson.bookable() && lesson.classroom() != null && key(lesson).equals(room.getString("_id")))
                                .defaultIfEmpty(false)
                                .filter(held -> !held)
                                .flatMap(orphan -> IntervalClaims.release(mongo, COLLECTION, room.getString("_id"), slot.lessonId(),
                                        slot.claimedAt()).thenReturn(1L))))
                .count();
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
