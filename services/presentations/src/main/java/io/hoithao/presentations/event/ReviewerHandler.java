package io.hoithao.presentations.event;

import io.hoithao.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The event's managers name who reviews its papers ({@link ReviewerAssignments}); an empty list opens review to every reviewer. */
@RestController
@RequestMapping("/api/presentations/events/{eventId}/reviewers")
class ReviewerHandler {

    private final ReviewerAssignments assignments;
    private final EventAccess access;
    private final ConferenceEventStore events;
    private final Clock clock;

    ReviewerHandler(ReviewerAssignments assignments, EventAccess access, ConferenceEventStore events, Clock clock) {
        this.assignments = assignments;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** The reviewers by the verified email of their tokens. */
    record ReviewersRequest(@NotNull @Size(max = 50) List<@NotBlank @Email @Size(max = 254) String> reviewers) {
    }

    record ReviewersView(String eventId, List<String> reviewers, boolean open) {
        static ReviewersView of(String eventId, List<String> reviewers) {
            return new ReviewersView(eventId, reviewers, reviewers.isEmpty());
        }
    }

    @GetMapping
    Mono<ReviewersView> get(@PathVariable String eventId, Caller caller) {
        return access.requireManager(eventId, caller).then(known(eventId))
                .then(assignments.of(eventId)).map(reviewers -> ReviewersView.of(eventId, reviewers));
    }

    @PutMapping
    Mono<ReviewersView> put(@PathVariable String eventId, @Valid @RequestBody ReviewersRequest request, Caller caller) {
        return access.requireManager(eventId, caller).then(known(eventId))
                .then(Mono.defer(() -> assignments.name(eventId, request.reviewers(), clock.instant())))
                .map(reviewers -> ReviewersView.of(eventId, reviewers));
    }

    private Mono<Void> known(String eventId) {
        return events.find(eventId).then();
    }
}
