package io.hoithao.presentations.paper;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.presentations.event.EventAccess;
import io.hoithao.presentations.event.ReviewerAssignments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may do what with a paper, from the caller's token:
 * <ul>
 * <li>the delegate who submitted it (same verified email) reads and changes it;</li>
 * <li>administrators and organisers of the unit that runs the paper's event read it and decide on it;</li>
 * <li>reviewers read papers under review ({@code SUBMITTED} or {@code UNDER_REVIEW}) and review them, those of
 * an event whose organisers named its reviewers only if they are named ({@link ReviewerAssignments});</li>
 * <li>nobody reviews a paper of her own unit (the unit id of her token, as the paper's unit id: units whose names
 * fold alike are two units), nor her own paper.</li>
 * </ul>
 * Refusals: an organiser of another unit (or of an event not published here yet) gets 403, a reviewer
 * asking for a paper that is not under review 403, someone who may read the paper but not change it
 * 403 {@code not-submitter}; anyone else (another delegate) 404, so that paper ids cannot be probed.
 */
@Component
public class PaperAccess {

    /** The statuses of papers under review, which reviewers may read. */
    public static final List<PaperStatus> UNDER_REVIEW = List.of(PaperStatus.SUBMITTED, PaperStatus.UNDER_REVIEW);

    public static final String CONFLICT_OF_INTEREST = "conflict-of-interest";
    public static final String REVIEWER_NOT_ASSIGNED = "reviewer-not-assigned";

    private final PaperStore papers;
    private final EventAccess events;
    private final ReviewerAssignments assignments;

    PaperAccess(PaperStore papers, EventAccess events, ReviewerAssignments assignments) {
        this.papers = papers;
        this.events = events;
        this.assignments = assignments;
    }

    /**
     * A paper with the unit that runs its event (empty while the event's unit is not known here) and whether the
     * caller, as a reviewer, is one of the event's (always true for someone without the reviewer role).
     */
    record Guarded(Paper paper, Optional<EventAccess.Organiser> unit, boolean assigned) {

        boolean managedBy(Caller caller) {
            return EventAccess.manages(unit, caller);
        }
    }

    private Mono<Guarded> load(String paperId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireSignedIn();
            return papers.find(paperId).flatMap(paper -> Mono.zip(events.organiser(paper.eventId()),
                            caller.has(Role.REVIEWER) ? assignments.reviews(paper.eventId(), caller) : Mono.just(true))
                    .map(t -> new Guarded(paper, t.getT1(), t.getT2())));
        });
    }

    /** The paper, if the caller may read it. */
    public Mono<Paper> readable(String paperId, Caller caller) {
        return load(paperId, caller).map(g -> {
            if (!mayRead(g, caller)) {
                throw refusal(g, caller);
            }
            return g.paper();
        });
    }

    /** Whether the caller is the delegate whose verified email submitted the paper (only she changes it). */
    public static boolean submittedBy(Paper paper, Caller caller) {
        return caller != null && caller.owns(paper.submitter().email());
    }

    /** The paper, if the caller submitted it (only they edit, withdraw and add materials). */
    public Mono<Paper> own(String paperId, Caller caller) {
        return load(paperId, caller).map(g -> {
            if (submittedBy(g.paper(), caller)) {
                return g.paper();
            }
            throw mayRead(g, caller) ? PaperProblems.notSubmitter(g.paper().id()) : refusal(g, caller);
        });
    }

    /** The paper, if the caller manages its event (administrators, organisers of its unit): they decide. */
    public Mono<Paper> managed(String paperId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER);
            return load(paperId, caller);
        }).map(g -> {
            if (!g.managedBy(caller)) {
                throw EventAccess.notManager(g.paper().eventId(), g.unit());
            }
            return g.paper();
        });
    }

    /**
     * The paper, if the caller may review it: a reviewer of its event (or an administrator) who did not submit it
     * and is not of the unit it was submitted for (403 {@code conflict-of-interest}); a reviewer the event's
     * organisers did not name when they named some is refused with 403 {@code reviewer-not-assigned}.
     */
    public Mono<Paper> reviewable(String paperId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.REVIEWER);
            return load(paperId, caller);
        }).map(g -> {
            Paper paper = g.paper();
            if (caller.owns(paper.submitter().email())) {
                throw ProblemException.forbidden("Nobody reviews their own paper").with("paperId", paperId);
            }
            if (caller.unitId() != null && caller.unitId().equals(paper.unitId())) {
                throw new ProblemException(HttpStatus.FORBIDDEN, CONFLICT_OF_INTEREST, "Conflict of interest",
                        "Paper " + paperId + " was submitted for " + paper.unit() + ", your own unit: a reviewer of another"
                                + " unit reviews it").with("paperId", paperId).with("unit", paper.unit());
            }
            if (!caller.isAdmin() && !g.assigned()) {
                throw notAssigned(paper);
            }
            return paper;
        });
    }

    private static ProblemException notAssigned(Paper paper) {
        return new ProblemException(HttpStatus.FORBIDDEN, REVIEWER_NOT_ASSIGNED, "Not a reviewer of this event",
                "The organisers of event " + paper.eventId() + " named its reviewers, and you are not one of them")
                .with("paperId", paper.id()).with("eventId", paper.eventId());
    }

    /** The paper, if the caller may see its reviews with the reviewers' names: its event's managers, and reviewers of papers under review or that they reviewed. */
    public Mono<Paper> reviewsReadable(String paperId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER, Role.REVIEWER);
            return load(paperId, caller);
        }).map(g -> {
            Paper paper = g.paper();
            if (g.managedBy(caller)) {
                return paper;
            }
            if (caller.has(Role.REVIEWER) && (UNDER_REVIEW.contains(paper.status()) && g.assigned()
                    || paper.reviews().stream().anyMatch(r -> caller.owns(r.reviewerEmail())))) {
                return paper;
            }
            throw refusal(g, caller);
        });
    }

    private static boolean mayRead(Guarded g, Caller caller) {
        return g.managedBy(caller)
                || caller.owns(g.paper().submitter().email())
                || caller.has(Role.REVIEWER) && UNDER_REVIEW.contains(g.paper().status()) && g.assigned();
    }

    private static ProblemException refusal(Guarded g, Caller caller) {
        if (caller.has(Role.ORGANISER)) {
            return EventAccess.notManager(g.paper().eventId(), g.unit());
        }
        if (caller.has(Role.REVIEWER) && !g.assigned()) {
            return notAssigned(g.paper());
        }
        if (caller.has(Role.REVIEWER)) {
            return ProblemException.forbidden("Reviewers see only papers under review; paper " + g.paper().id()
                    + " is " + g.paper().status()).with("paperId", g.paper().id());
        }
        return ProblemException.notFound("Paper", g.paper().id());
    }

    /**
     * The papers the caller may see in lists, as a condition on the {@code papers} collection: all of
     * them for an administrator, otherwise their own, those under review for a reviewer (of the events
     * she reviews), and those of their unit's events for an organiser. Empty means no restriction.
     */
    public Mono<Optional<Criteria>> visibleTo(Caller caller) {
        return Mono.defer(() -> {
            caller.requireSignedIn();
            if (caller.isAdmin()) {
                return Mono.just(Optional.<Criteria>empty());
            }
            Mono<List<String>> organised = caller.has(Role.ORGANISER) ? events.eventsOrganisedBy(caller.unitId()) : Mono.just(List.of());
            Mono<List<String>> closed = caller.has(Role.REVIEWER) ? assignments.closedTo(caller) : Mono.just(List.of());
            return Mono.zip(organised, closed).map(t -> {
                List<String> eventIds = t.getT1();
                List<Criteria> any = new ArrayList<>();
                if (caller.email() != null) {
                    any.add(Criteria.where("submitter.email").is(caller.email()));
                }
                if (caller.has(Role.REVIEWER)) {
                    Criteria underReview = Criteria.where("status").in(UNDER_REVIEW);
                    any.add(t.getT2().isEmpty() ? underReview : underReview.and("eventId").nin(t.getT2()));
                }
                if (!eventIds.isEmpty()) {
                    any.add(Criteria.where("eventId").in(eventIds));
                }
                // Nothing at all: an id no paper has.
                return Optional.of(any.isEmpty() ? Criteria.where("_id").in(List.of())
                        : any.size() == 1 ? any.get(0) : new Criteria().orOperator(any));
            });
        });
    }

    /** The filter of a list restricted to what {@link #visibleTo} allows (empty: everything). */
    public static Criteria restrict(Criteria filter, Optional<Criteria> visible) {
        return visible.map(v -> new Criteria().andOperator(filter, v)).orElse(filter);
    }
}
