package io.hoithao.presentations.placement;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.presentations.event.ConferenceEvent;
import io.hoithao.presentations.event.ConferenceEventStore;
import io.hoithao.presentations.event.EventAccess;
import io.hoithao.presentations.paper.PaperStore;
import io.hoithao.presentations.placement.PresentationSession.Slot;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Organisers place accepted papers, in order, into the programme's presentation sessions. Every
 * endpoint here is for the organisers of the event's unit or an administrator ({@link EventAccess}).
 */
@RestController
@RequestMapping("/api/presentations/events/{eventId}/sessions")
class PlacementHandler {

    private final ProgrammeStore store;
    private final Placements placements;
    private final PaperStore papers;
    private final EventAccess access;
    private final ConferenceEventStore events;
    private final Clock clock;

    PlacementHandler(ProgrammeStore store, Placements placements, PaperStore papers, EventAccess access,
                     ConferenceEventStore events, Clock clock) {
        this.store = store;
        this.placements = placements;
        this.papers = papers;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    record PlaceRequest(@NotBlank @Size(max = 100) String paperId, @Min(1) @Max(1000) Integer position,
                        @Min(1) @Max(240) Integer minutes) {
    }

    record SessionView(String id, String title, String venue, OffsetDateTime startsAt, OffsetDateTime endsAt,
                       boolean cancelled, int minutes, int placedMinutes, int freeMinutes, int papers) {
    }

    record ScheduledPaper(int position, String paperId, String title, String unit, List<String> presenters, int minutes,
                          OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    record SessionPapers(SessionView session, List<ScheduledPaper> papers) {
    }

    @GetMapping
    Mono<List<SessionView>> sessions(@PathVariable String eventId, Caller caller) {
        return access.requireManager(eventId, caller).then(Mono.zip(store.find(eventId), zone(eventId)).map(t -> t.getT1().sessions().stream()
                .sorted(Comparator.comparing(PresentationSession::startsAt).thenComparing(PresentationSession::id))
                .map(s -> view(s, t.getT2())).toList()));
    }

    @GetMapping("/{sessionId}/papers")
    Mono<SessionPapers> papers(@PathVariable String eventId, @PathVariable String sessionId, Caller caller) {
        return access.requireManager(eventId, caller)
                .then(Mono.zip(store.find(eventId), zone(eventId)).map(t -> sessionPapers(t.getT1(), sessionId, t.getT2())));
    }

    @PostMapping("/{sessionId}/papers")
    Mono<SessionPapers> place(@PathVariable String eventId, @PathVariable String sessionId,
                              @Valid @RequestBody PlaceRequest request, Caller caller) {
        return access.requireManager(eventId, caller).then(papers.find(request.paperId()))
                .flatMap(paper -> {
                    if (!paper.eventId().equals(eventId)) {
                        return Mono.error(ProblemException.notFound("Paper", request.paperId()));
                    }
                    return placements.place(eventId, sessionId, paper, request.position(), request.minutes());
                })
                .zipWith(zone(eventId))
                .map(t -> sessionPapers(t.getT1(), sessionId, t.getT2()));
    }

    @DeleteMapping("/{sessionId}/papers/{paperId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@PathVariable String eventId, @PathVariable String sessionId, @PathVariable String paperId,
                      Caller caller) {
        Instant now = clock.instant();
        return access.requireManager(eventId, caller).then(store.change(eventId, null, (programme, revision) -> {
            PresentationSession session = programme.sessions().stream().filter(s -> s.id().equals(sessionId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
            if (session.slots().stream().noneMatch(s -> s.paperId().equals(paperId))) {
                throw ProblemException.notFound("Paper in session " + sessionId, paperId);
            }
            return Placement.remove(eventId, programme.sessions(), paperId, "REMOVED", revision, now);
        })).then();
    }

    private Mono<ZoneId> zone(String eventId) {
        return events.findIfAny(eventId).map(ConferenceEvent::zone)
                .defaultIfEmpty(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    private static SessionPapers sessionPapers(Programme programme, String sessionId, ZoneId zone) {
        PresentationSession session = programme.sessions().stream().filter(s -> s.id().equals(sessionId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        List<ScheduledPaper> scheduled = new ArrayList<>();
        Instant start = session.startsAt();
        for (int i = 0; i < session.slots().size(); i++) {
            Slot slot = session.slots().get(i);
            Instant end = start.plusSeconds(60L * slot.minutes());
            scheduled.add(new ScheduledPaper(i + 1, slot.paperId(), slot.title(), slot.unit(), slot.presenters(),
                    slot.minutes(), start.atZone(zone).toOffsetDateTime(), end.atZone(zone).toOffsetDateTime()));
            start = end;
        }
        return new SessionPapers(view(session, zone), scheduled);
    }

    private static SessionView view(PresentationSession s, ZoneId zone) {
        return new SessionView(s.id(), s.title(), s.venue(), s.startsAt().atZone(zone).toOffsetDateTime(),
                s.endsAt().atZone(zone).toOffsetDateTime(), s.cancelled(), s.minutes(), s.placedMinutes(),
                Math.max(0, s.minutes() - s.placedMinutes()), s.slots().size());
    }
}
