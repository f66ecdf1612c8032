package io.hoithao.presentations.review;

import io.hoithao.contracts.presentations.PaperAccepted;
import io.hoithao.contracts.presentations.PaperRejected;
import io.hoithao.contracts.presentations.PaperRevisionRequested;
import io.hoithao.contracts.presentations.PresentationsMessage;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.presentations.paper.Paper;
import io.hoithao.presentations.paper.PaperStatus;
import io.hoithao.presentations.paper.PaperStore;
import io.hoithao.presentations.paper.PaperStore.Change;
import io.hoithao.presentations.paper.PaperView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Organisers' review: each reviewer scores and comments once (the first review starts the review and
 * ends the submitter's editing), then a decision. Reviewer identities appear only here, never in the
 * paper as the submitter sees it.
 */
@RestController
@RequestMapping("/api/presentations/papers/{paperId}")
class ReviewHandler {

    private final PaperStore papers;
    private final Clock clock;

    ReviewHandler(PaperStore papers, Clock clock) {
        this.papers = papers;
        this.clock = clock;
    }

    record ReviewRequest(@NotBlank @Size(max = 200) String reviewer, @NotNull @Min(1) @Max(10) Integer score,
                         @NotBlank @Size(max = 5000) String comment) {
    }

    record DecisionRequest(@NotNull PaperStatus decision, @Size(max = 5000) String comment) {
    }

    /** The organisers' view of a paper's reviews, with who wrote them. */
    record ReviewsView(String paperId, PaperStatus status, List<Paper.Review> reviews, double averageScore, Paper.Decision decision) {
    }

    @PostMapping("/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ReviewsView> review(@PathVariable String paperId, @Valid @RequestBody ReviewRequest request) {
        Instant now = clock.instant();
        String reviewer = request.reviewer().trim();
        return papers.change(paperId, paper -> {
            if (!paper.status().reviewable()) {
                throw PaperStore.invalidTransition(paper, PaperStatus.UNDER_REVIEW.name());
            }
            if (paper.reviews().stream().anyMatch(r -> r.reviewer().equalsIgnoreCase(reviewer))) {
                throw ProblemException.conflict("already-reviewed", reviewer + " has already reviewed paper " + paperId)
                        .with("paperId", paperId);
            }
            return new Change(new Update()
                    .push("reviews", new Paper.Review(reviewer, request.score(), request.comment().trim(), now))
                    .set("status", PaperStatus.UNDER_REVIEW), List.of());
        }).map(ReviewHandler::reviews);
    }

    @GetMapping("/reviews")
    Mono<ReviewsView> reviews(@PathVariable String paperId) {
        return papers.find(paperId).map(ReviewHandler::reviews);
    }

    @PostMapping("/decision")
    Mono<PaperView> decide(@PathVariable String paperId, @Valid @RequestBody DecisionRequest request) {
        if (!PaperStatus.DECISIONS.contains(request.decision())) {
            throw ProblemException.invalidField("decision", "must be one of " + PaperStatus.DECISIONS);
        }
        Instant now = clock.instant();
        return papers.change(paperId, paper -> {
            if (!paper.status().decidable()) {
                throw PaperStore.invalidTransition(paper, request.decision().name());
            }
            String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().trim();
            return new Change(new Update()
                    .set("status", request.decision())
                    .set("decision", new Paper.Decision(request.decision(), comment, now)),
                    List.of(message(paper, request.decision(), now)));
        }).map(paper -> PaperView.of(paper, null));
    }

    private static PresentationsMessage message(Paper paper, PaperStatus decision, Instant now) {
        return switch (decision) {
            case ACCEPTED -> new PaperAccepted(UUID.randomUUID(), now, paper.eventId(), paper.id(), paper.title(),
                    paper.unit(), paper.presenters());
            case REJECTED -> new PaperRejected(UUID.randomUUID(), now, paper.eventId(), paper.id());
            case REVISION_REQUESTED -> new PaperRevisionRequested(UUID.randomUUID(), now, paper.eventId(), paper.id());
            default -> throw new IllegalArgumentException(decision + " is not a decision");
        };
    }

    private static ReviewsView reviews(Paper paper) {
        double average = paper.reviews().stream().mapToInt(Paper.Review::score).average().orElse(0);
        return new ReviewsView(paper.id(), paper.status(), paper.reviews(), Math.round(average * 10) / 10.0, paper.decision());
    }
}
