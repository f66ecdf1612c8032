package io.hoithao.observations.lesson;

import io.hoithao.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Demonstration lessons: add one, set its details, list an event's lessons with the seats left. */
@RestController
@Validated
@RequestMapping("/api/observations")
class LessonHandler {

    private final LessonService lessons;

    LessonHandler(LessonService lessons) {
        this.lessons = lessons;
    }

    @PostMapping("/events/{eventId}/lessons")
    Mono<ResponseEntity<LessonView>> create(@PathVariable String eventId, @Valid @RequestBody LessonRequest request) {
        return lessons.create(eventId, request).map(lesson -> ResponseEntity
                .created(URI.create("/api/observations/lessons/" + lesson.id())).body(LessonView.of(lesson)));
    }

    @GetMapping("/events/{eventId}/lessons")
    Mono<Page<LessonView>> list(@PathVariable String eventId,
                                @RequestParam(defaultValue = "false") boolean seatsLeft,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return lessons.list(eventId, seatsLeft, page, size);
    }

    @GetMapping("/lessons/{lessonId}")
    Mono<LessonView> get(@PathVariable String lessonId) {
        return lessons.find(lessonId).map(LessonView::of);
    }

    @PutMapping("/lessons/{lessonId}/details")
    Mono<LessonView> details(@PathVariable String lessonId, @Valid @RequestBody LessonDetails details) {
        return lessons.details(lessonId, details).map(LessonView::of);
    }
}
