package io.hoithao.presentations.placement;

import io.hoithao.platform.web.ProblemException;
import io.hoithao.presentations.paper.Paper;
import io.hoithao.presentations.paper.PaperStatus;
import io.hoithao.presentations.paper.PaperView;
import io.hoithao.presentations.placement.PresentationSession.Slot;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Placing papers, and what the paper side needs of placement: where papers sit, and taking a paper out
 * of the programme when it is withdrawn. A placement and a withdrawal are each one conditional write of
 * the event's programme (on its version), and the withdrawal marks the paper there, so a placement decided
 * on a paper read before its withdrawal is refused rather than written.
 */
@Component
public class Placements {

    private final ProgrammeStore store;
    private final Clock clock;

    Placements(ProgrammeStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The placed papers of an event, by paper id. */
    public Mono<Map<String, PaperView.Placement>> placements(String eventId) {
        return store.find(eventId).map(programme -> {
            Map<String, PaperView.Placement> placed = new HashMap<>();
            programme.sessions().forEach(session -> {
                for (int i = 0; i < session.slots().size(); i++) {
                    placed.put(session.slots().get(i).paperId(),
                            new PaperView.Placement(session.id(), i + 1, session.slots().get(i).minutes()));
                }
            });
            return placed;
        });
    }

    /**
     * Places (or moves) the paper as read: it must be accepted, and its withdrawal must not have begun, which is
     * decided on the programme in the same conditional write that places it.
     */
    public Mono<Programme> place(String eventId, String sessionId, Paper paper, Integer position, Integer minutes) {
        return Mono.defer(() -> {
            if (paper.status() != PaperStatus.ACCEPTED) {
                return Mono.error(notAccepted(paper.id(), paper.status().name()));
            }
            Slot slot = new Slot(paper.id(), paper.title(), paper.unit(), paper.presenters(),
                    minutes == null ? paper.requestedMinutes() : minutes);
            Instant now = clock.instant();
            return store.change(eventId, null, (programme, revision) -> {
                if (programme.withdrawn().contains(paper.id())) {
                    throw ProblemException.conflict("paper-not-accepted", "Paper " + paper.id()
                                    + " is being withdrawn; only accepted papers are placed")
                            .with("paperId", paper.id()).with("currentState", PaperStatus.WITHDRAWN.name());
                }
                return Placement.place(eventId, programme.sessions(), slot, sessionId, position, revision, now);
            });
        });
    }

    static ProblemException notAccepted(String paperId, String status) {
        return ProblemException.conflict("paper-not-accepted", "Paper " + paperId + " is " + status
                + "; only accepted papers are placed").with("paperId", paperId).with("currentState", status);
    }

    /**
     * The first step of a withdrawal: marks the paper withdrawn in the programme and takes it out of whatever
     * session holds it, in one write (none if both are so already). From then on no placement takes it.
     */
    public Mono<Void> withdraw(String eventId, String paperId) {
        return store.change(eventId, null, (programme, revision) -> {
            Placement.Outcome removed = Placement.remove(eventId, programme.sessions(), paperId, "WITHDRAWN", revision,
                    clock.instant());
            if (programme.withdrawn().contains(paperId) && removed.messages().isEmpty()) {
                return null;
            }
            return new Placement.Outcome(removed.sessions(), removed.messages(), paperId);
        }).then();
    }
}
