package io.hoithao.observations.lesson;

import io.hoithao.observations.event.EventAccess;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.Page;
import io.hoithao.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Demonstration lessons: add one, set its details (the organisers of the event's unit, or an
 * administrator), list an event's lessons with the seats left and read one (anyone, once the event is
 * published here). Bodies carry only what they may set: status, bookings, waiting list, counts and
 * ids are the service's, whatever a request says. A refused change is answered as its problem ({@link LessonProblems}).
 */
@RestController
@Validated
@RequestMapping("/api/observations")
class LessonHandler {

    private final LessonService lessons;
    private final EventAccess events;

    LessonHandler(LessonService lessons, EventAccess events) {
        this.lessons = lessons;
        this.events = events;
    }

    @PostMapping("/events/{eventId}/lessons")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ResponseEntity<LessonView>> create(@PathVariable String eventId, @Valid @RequestBody LessonRequest request,
                                            Caller caller) {
        return events.requireManager(eventId, caller).then(Mono.defer(() -> lessons.create(eventId, request)))
                .map(LessonProblems::orThrow)
                .map(lesson -> ResponseEntity.created(URI.create("/api/observations/lessons/" + lesson.id())).body(LessonView.of(lesson)));
    }

    /** Public; an event not published here yet shows no lessons except to an administrator. */
    @GetMapping("/events/{eventId}/lessons")
    Mono<Page<LessonView>> list(@PathVariable String eventId,
                                @RequestParam(defaultValue = "false") boolean seatsLeft,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                                Caller caller) {
        return events.lessonsVisible(eventId, caller).flatMap(visible -> visible
                ? lessons.list(eventId, seatsLeft, page, size)
                : Mono.just(new Page<>(List.of(), page, size, 0)));
    }

    /** Public; a lesson of an event not published here yet is not found except by an administrator. */
    @GetMapping("/lessons/{lessonId}")
    Mono<LessonView> get(@PathVariable String lessonId, Caller caller) {
        return lessons.find(lessonId).filterWhen(lesson -> events.lessonsVisible(lesson.eventId(), caller))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Lesson", lessonId)))
                .map(LessonView::of);
    }

    @PutMapping("/lessons/{lessonId}/details")
    Mono<LessonView> details(@PathVariable String lessonId, @Valid @RequestBody LessonDetails details, Caller caller) {
        return lessons.find(lessonId).flatMap(lesson -> events.requireManager(lesson.eventId(), caller))
                .then(Mono.defer(() -> lessons.details(lessonId, details))).map(LessonProblems::orThrow).map(LessonView::of);
    }
}
