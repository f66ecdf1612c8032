package io.hoithao.presentations.placement;

import io.hoithao.presentations.paper.PaperView;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What the paper side needs of placement: where papers sit, and taking a paper out of its session. */
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

    /** Takes the paper out of whatever session holds it (no change if none does). */
    public Mono<Void> release(String eventId, String paperId, String reason) {
        return store.change(eventId, null, (programme, revision) -> {
            Placement.Outcome outcome = Placement.remove(eventId, programme.sessions(), paperId, reason, revision, clock.instant());
            return outcome.messages().isEmpty() ? null : outcome;
        }).then();
    }
}
