package io.hoithao.presentations.review;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.presentations.event.ConferenceEventStore;
import io.hoithao.presentations.event.EventAccess;
import io.hoithao.presentations.event.ReviewerAssignments;
import io.hoithao.presentations.paper.Paper;
import io.hoithao.presentations.paper.PaperStore;
import io.hoithao.presentations.paper.PaperView;
import io.hoithao.presentations.placement.Placements;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Two reads for the web application's review pages, each one call instead of one per paper:
 * <ul>
 * <li>the reviewer's desk: the papers she may review now and those she reviewed (with her score, and the
 * decision once taken); never her own papers nor her own unit's, which she may not review;</li>
 * <li>an event's reviews side by side, for its managers: every paper with each review (with the reviewer),
 * the average, the decision and the placement.</li>
 * </ul>
 */
@RestController
class ReviewDeskHandler {

    /** More than any event has; the desk is not paged. */
    static final int LIMIT = 500;

    private final PaperStore papers;
    private final ConferenceEventStore conferenceEvents;
    private final ReviewerAssignments assignments;
    private final EventAccess events;
    private final Placements placements;

    ReviewDeskHandler(PaperStore papers, ConferenceEventStore conferenceEvents, ReviewerAssignments assignments, EventAccess events,
                      Placements placements) {
        this.papers = papers;
        this.conferenceEvents = conferenceEvents;
        this.assignments = assignments;
        this.events = events;
        this.placements = placements;
    }

    /**
     * One paper on a reviewer's desk: {@code mine} is her review (null until she reviews it), {@code reviewable}
     * whether she may review it now (under review and not reviewed by her yet).
     */
    record DeskPaper(PaperView paper, Paper.Review mine, boolean reviewable) {
    }

    record Desk(List<DeskPaper> papers) {
    }

    @GetMapping("/api/presentations/review-desk")
    Mono<Desk> desk(@RequestParam(required = false) @Size(max = 100) String eventId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.REVIEWER);
            Mono<List<String>> closed = caller.isAdmin() ? Mono.just(List.of()) : assignments.closedTo(caller);
            return closed.flatMap(closedEvents -> papers.onDesk(eventId, closedEvents, caller.email(), LIMIT)
                        // her own papers and her unit's are not hers to review, nor to read here
                        .filter(p -> !caller.owns(p.submitter().email()) && !(caller.unitId() != null && caller.unitId().equals(p.unitId())))
                        .concatMap(p -> placements.placements(p.eventId()).map(placed -> {
                            Paper.Review mine = p.reviews().stream()
                                    .filter(r -> r.reviewerEmail() != null && caller.owns(r.reviewerEmail()))
                                    .findFirst().orElse(null);
                            return new DeskPaper(PaperView.of(p, placed.get(p.id())), mine,
                                    mine == null && p.status().reviewable());
                        }))
                        .collectList().map(Desk::new));
        });
    }

    /** One paper's reviews for its event's managers. */
    record PaperReviews(PaperView paper, List<Paper.Review> reviews, double averageScore) {
    }

    record EventReviews(String eventId, List<PaperReviews> papers) {
    }

    /** Every paper of the event but the withdrawn ones, oldest first, with their reviews (who, score, comment); 404 for an event not known here. */
    @GetMapping("/api/presentations/events/{eventId}/reviews")
    Mono<EventReviews> ofEvent(@PathVariable String eventId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER);
            return events.requireManager(eventId, caller);
        }).then(conferenceEvents.exists(eventId))
                .flatMap(known -> known ? placements.placements(eventId) : Mono.error(ProblemException.notFound("Event", eventId)))
                .flatMap(placed -> papers.ofEvent(eventId, LIMIT)
                .map(p -> new PaperReviews(PaperView.of(p, placed.get(p.id())), p.reviews(), average(p)))
                .collectList()
                .map(papers -> new EventReviews(eventId, papers)));
    }

    private static double average(Paper paper) {
        double average = paper.reviews().stream().mapToInt(Paper.Review::score).average().orElse(0);
        return Math.round(average * 10) / 10.0;
    }
}
