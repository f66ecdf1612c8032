package io.hoithao.events.session;

import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.events.event.Event;
import io.hoithao.events.event.EventLimits;
import io.hoithao.events.event.EventService;
import io.hoithao.events.event.EventStore;
import io.hoithao.events.event.Venue;
import io.hoithao.events.session.SessionRequests.MoveSession;
import io.hoithao.events.session.SessionRequests.NewSession;
import io.hoithao.events.session.SessionRules.Clash;
import io.hoithao.events.session.SessionRules.Conflict;
import io.hoithao.events.session.SessionRules.EndsBeforeStart;
import io.hoithao.events.session.SessionRules.OutsideEventDays;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Schedules, moves and cancels sessions. The clash check runs on the event as read and the write is
 * guarded by that read's version, so two organisers placing sessions in the same room at the same time
 * cannot both succeed: the second is re-checked against the first and refused.
 */
@Service
class SessionService {

    static final String CLASH = "session-clash";

    private final EventStore store;
    private final Clock clock;

    SessionService(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Mono<SessionView> schedule(String eventId, NewSession request, Caller caller) {
        String sessionId = UUID.randomUUID().toString();
        return store.change(eventId, caller, event -> {
            EventService.requireEditable(event);
            // decided on the event as read; the version-guarded write makes a concurrent one re-check
            if (event.sessions().size() >= EventLimits.SESSIONS) {
                throw ProblemException.limitExceeded("sessions", EventLimits.SESSIONS, "Event " + eventId + " already has "
                        + event.sessions().size() + " sessions (cancelled ones included), the most an event may have ("
                        + EventLimits.SESSIONS + ")");
            }
            Session session = new Session(sessionId, request.type(), request.title().strip(), request.description(),
                    request.date(), request.start(), request.end(), request.venueId(), blankToNull(request.classroom()),
                    blankToNull(request.chair()), request.speakers(), SessionStatus.SCHEDULED, 0, request.seats());
            Venue venue = place(event, session);
            return new EventStore.Change(new Update().push("sessions", session),
                    List.of(new SessionScheduled(UUID.randomUUID(), clock.instant(), eventId, sessionId,
                            session.type().name(), session.title(), where(venue, session),
                            session.startsAt(event.zone()), session.endsAt(event.zone()), event.version() + 1,
                            venue.name(), session.classroom(), session.seats(), venue.id())),
                    sessionId);
        }).map(event -> SessionView.of(event, event.session(sessionId).orElseThrow()));
    }

    Mono<SessionView> move(String eventId, String sessionId, MoveSession request, Caller caller) {
        return store.change(eventId, caller, event -> {
            EventService.requireEditable(event);
            Session current = scheduled(event, sessionId);
            String venueId = request.venueId() == null || request.venueId().isBlank() ? current.venueId() : request.venueId();
            // A classroom belongs to a venue: moving to another venue without naming one takes the whole venue.
            String classroom = request.classroom() != null ? blankToNull(request.classroom())
                    : venueId.equals(current.venueId()) ? current.classroom() : null;
            Integer seats = request.seats() != null ? request.seats() : current.seats();
            Session moved = current.movedTo(request.date(), request.start(), request.end(), venueId, classroom, seats);
            Venue venue = place(event, moved);
            return new EventStore.Change(new Update().set("sessions", replace(event.sessions(), moved)),
                    List.of(new SessionMoved(UUID.randomUUID(), clock.instant(), eventId, sessionId, where(venue, moved),
                            moved.startsAt(event.zone()), moved.endsAt(event.zone()), event.version() + 1,
                            venue.name(), moved.classroom(), moved.seats(), venue.id())),
                    sessionId);
        }).map(event -> SessionView.of(event, event.session(sessionId).orElseThrow()));
    }

    Mono<SessionView> cancel(String eventId, String sessionId, Caller caller) {
        return store.change(eventId, caller, event -> {
            EventService.requireEditable(event);
            Session cancelled = scheduled(event, sessionId).cancelled();
            return new EventStore.Change(new Update().set("sessions", replace(event.sessions(), cancelled)),
                    List.of(new SessionCancelled(UUID.randomUUID(), clock.instant(), eventId, sessionId, event.version() + 1)),
                    sessionId);
        }).map(event -> SessionView.of(event, event.session(sessionId).orElseThrow()));
    }

    /** The event, if the caller may see it (a draft only its managers). */
    Mono<Event> event(String eventId, Caller caller) {
        return store.find(eventId, caller);
    }

    /** Checks that the session may go where it asks to; returns its venue. */
    private static Venue place(Event event, Session session) {
        if (!session.end().isAfter(session.start())) {
            throw ProblemException.invalidField("end", "must be after start");
        }
        if (session.seats() != null && session.type() != SessionType.DEMONSTRATION_LESSON) {
            throw ProblemException.invalidField("seats", "only a demonstration lesson has observer seats");
        }
        Venue venue = event.venue(session.venueId())
                .orElseThrow(() -> ProblemException.invalidField("venueId", "is not one of this event's venues"));
        if (session.classroom() != null && !venue.classrooms().isEmpty()
                && venue.classrooms().stream().noneMatch(c -> c.equalsIgnoreCase(session.classroom()))) {
            throw ProblemException.invalidField("classroom", "is not a classroom of " + venue.name()
                    + " (" + String.join(", ", venue.classrooms()) + ")");
        }
        Conflict conflict = SessionRules.check(event.startDate(), event.endDate(), event.sessions(), session).orElse(null);
        if (conflict instanceof EndsBeforeStart) {
            throw ProblemException.invalidField("end", "must be after start");
        }
        if (conflict instanceof OutsideEventDays days) {
            throw ProblemException.conflict(EventService.SESSION_OUTSIDE_EVENT, "The session is on " + session.date()
                            + ", outside the event's days " + days.firstDay() + " – " + days.lastDay())
                    .with("date", session.date())
                    .with("firstDay", days.firstDay())
                    .with("lastDay", days.lastDay());
        }
        if (conflict instanceof Clash clash) {
            Session other = clash.other();
            Map<String, Object> clashing = new LinkedHashMap<>();
            clashing.put("id", other.id());
            clashing.put("title", other.title());
            clashing.put("venueId", other.venueId());
            clashing.put("classroom", other.classroom());
            clashing.put("date", other.date());
            clashing.put("start", other.start());
            clashing.put("end", other.end());
            throw ProblemException.conflict(CLASH, "The session overlaps \"" + other.title() + "\" ("
                            + other.date() + " " + other.start() + "–" + other.end() + ") at " + venue.name()
                            + (other.classroom() == null ? "" : ", " + other.classroom()))
                    .with("clashingSession", clashing);
        }
        return venue;
    }

    private static Session scheduled(Event event, String sessionId) {
        Session session = event.session(sessionId).orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        if (session.status() == SessionStatus.CANCELLED) {
            throw ProblemException.conflict(EventService.NOT_EDITABLE, "Session " + sessionId + " is cancelled")
                    .with("currentState", SessionStatus.CANCELLED);
        }
        return session;
    }

    private static List<Session> replace(List<Session> sessions, Session changed) {
        List<Session> result = new ArrayList<>(sessions.size());
        sessions.forEach(s -> result.add(s.id().equals(changed.id()) ? changed : s));
        return result;
    }

    private static String where(Venue venue, Session session) {
        return session.classroom() == null ? venue.name() : venue.name() + " – " + session.classroom();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
