package io.hoithao.presentations.review;

import io.hoithao.platform.web.ProblemException;
import io.hoithao.platform.security.Caller;
import io.hoithao.presentations.paper.Paper;
import io.hoithao.presentations.paper.PaperAccess;
import io.hoithao.presentations.paper.PaperLifecycle;
import io.hoithao.presentations.paper.PaperProblems;
import io.hoithao.presentations.paper.PaperStatus;
import io.hoithao.presentations.paper.PaperStore;
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
 * Review: each reviewer scores and comments once, under the name and email of their token (the first
 * review starts the review and ends the submitter's editing); then the organisers of the event's unit
 * (or an administrator) decide. Reviewer identities appear only here, never in the paper as the
 * submitter sees it.
 */
@RestController
@RequestMapping("/api/presentations/papers/{paperId}")
class ReviewHandler {

    private final PaperStore papers;
    private final PaperAccess access;
    private final Clock clock;

    ReviewHandler(PaperStore papers, PaperAccess access, Clock clock) {
        this.papers = papers;
        this.access = access;
        this.clock = clock;
    }

    /** The reviewer is the caller: a name in the body is not read. */
    record ReviewRequest(@NotNull @Min(1) @Max(10) Integer score, @NotBlank @Size(max = 5000) String comment) {
    }

    record DecisionRequest(@NotNull PaperStatus decision, @Size(max = 5000) String comment) {
    }

    /** The organisers' view of a paper's reviews, with who wrote them. */
    record ReviewsView(String paperId, PaperStatus status, List<Paper.Review> reviews, double averageScore, Paper.Decision decision) {
    }

    @PostMapping("/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ReviewsView> review(@PathVariable String paperId, @Valid @RequestBody ReviewRequest request, Caller caller) {
        Instant now = clock.instant();
        String reviewer = caller.name() != null ? caller.name() : caller.email() != null ? caller.email() : caller.subject();
        Paper.Review review = new Paper.Review(reviewer, caller.email(), request.score(), request.comment().trim(), now);
        return access.reviewable(paperId, caller)
                .flatMap(checked -> papers.apply(paperId, paper ->
                        PaperLifecycle.review(paper, review, earlier -> sameReviewer(earlier, caller, reviewer))))
                .map(PaperProblems::orThrow)
                .map(ReviewHandler::reviews);
    }

    /** The same person: by email when both have one (reviews before sign-in existed have only a name). */
    private static boolean sameReviewer(Paper.Review review, Caller caller, String name) {
        return review.reviewerEmail() != null && caller.email() != null
                ? caller.owns(review.reviewerEmail())
                : review.reviewer().equalsIgnoreCase(name);
    }

    @GetMapping("/reviews")
    Mono<ReviewsView> reviews(@PathVariable String paperId, Caller caller) {
        return access.reviewsReadable(paperId, caller).map(ReviewHandler::reviews);
    }

    @PostMapping("/decision")
    Mono<PaperView> decide(@PathVariable String paperId, @Valid @RequestBody DecisionRequest request, Caller caller) {
        Instant now = clock.instant();
        return access.managed(paperId, caller).flatMap(checked -> {
            if (!PaperStatus.DECISIONS.contains(request.decision())) {
                return Mono.error(ProblemException.invalidField("decision", "must be one of " + PaperStatus.DECISIONS));
            }
            String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().trim();
            return papers.apply(paperId, paper -> PaperLifecycle.decide(paper, request.decision(), comment, now));
        }).map(PaperProblems::orThrow).map(paper -> PaperView.of(paper, null));
    }

    private static ReviewsView reviews(Paper paper) {
        double average = paper.reviews().stream().mapToInt(Paper.Review::score).average().orElse(0);
        return new ReviewsView(paper.id(), paper.status(), paper.reviews(), Math.round(average * 10) / 10.0, paper.decision());
    }
}
