package io.hoithao.observations.lesson;

import io.hoithao.platform.text.Units;
import io.hoithao.platform.web.ProblemException;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The timetable of each classroom (collection {@code classrooms}, one document per school and room):
 * a lesson takes its slot there by a conditional write before it is stored, so two lessons in one
 * classroom can never overlap, even when organisers add them at the same moment.
 */
@Component
class Classrooms {

    static final String COLLECTION = "classrooms";

    private final ReactiveMongoTemplate mongo;

    Classrooms(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> claim(Lesson lesson, Instant now) {
        String key = key(lesson.hostSchool(), lesson.classroom());
        return IntervalClaims.claim(mongo, COLLECTION, key, Slot.of(lesson, now),
                        Map.of("hostSchool", lesson.hostSchool(), "classroom", lesson.classroom()))
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

    Mono<Void> release(String hostSchool, String classroom, String lessonId) {
        if (classroom == null) {
            return Mono.empty();
        }
        return IntervalClaims.release(mongo, COLLECTION, key(hostSchool, classroom), lessonId, Instant.now().plusSeconds(1));
    }

    Mono<Void> move(String lessonId, Interval to) {
        return IntervalClaims.move(mongo, COLLECTION, lessonId, to);
    }

    /**
     * "Trường MN Đồng Tâm" / "Lớp A1" and "truong mn dong tam" / "lop  a1" are the same room: names folded
     * as the platform folds unit names (case, diacritics, đ and spacing ignored).
     */
    static String key(String hostSchool, String classroom) {
        return Units.fold(hostSchool) + "|" + Units.fold(classroom);
    }
}
