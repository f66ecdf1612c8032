package io.hoithao.events.session;

import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.events.event.Event;
import io.hoithao.events.event.EventLimits;
import io.hoithao.events.event.Venue;
import io.hoithao.events.session.SessionRequests.MoveSession;
import io.hoithao.events.session.SessionRequests.NewSession;
import io.hoithao.events.session.SessionRules.Clash;
import io.hoithao.events.session.SessionRules.Conflict;
import io.hoithao.events.session.SessionRules.EndsBeforeStart;
import io.hoithao.events.session.SessionRules.OutsideEventDays;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The decisions of a session's life, in plain Java: each takes the event as read and the command's facts, and
 * answers what to write and tell ({@link Decision.Change}) or why not ({@link Decision.Refusal}). A session changes
 * only while its event's programme may ({@code EventStatus.editable}), and its status only along {@link
 * SessionStatus#canBecome}. Nothing here reads or writes: {@link SessionStore} writes a change, guarded by the
 * version of the event it was decided on, which also makes a concurrent one decide again (no two sessions in one
 * room at one time).
 */
final class Lifecycle {

    private Lifecycle() {
    }

    /** A new session {@code sessionId} on the event, where it may go ({@link #place}), up to {@link EventLimits#SESSIONS}. */
    static Decision schedule(Event event, String sessionId, NewSession request, Instant now) {
        Optional<Decision.Refusal> notEditable = refuseEditing(event);
        if (notEditable.isPresent()) {
            return notEditable.get();
        }
        if (event.sessions().size() >= EventLimits.SESSIONS) {
            return new Decision.TooManySessions(event.id(), event.sessions().size());
        }
        Session session = new Session(sessionId, request.type(), request.title().strip(), request.description(),
                request.date(), request.start(), request.end(), request.venueId(), blankToNull(request.classroom()),
                blankToNull(request.chair()), request.speakers(), SessionStatus.SCHEDULED, 0, request.seats());
        Placed placed = place(event, session);
        if (placed.refusal() != null) {
            return placed.refusal();
        }
        Venue venue = placed.venue();
        return new Decision.Change(null, session, List.of(new SessionScheduled(UUID.randomUUID(), now, event.id(),
                sessionId, session.type().name(), session.title(), where(venue, session), session.startsAt(event.zone()),
                session.endsAt(event.zone()), event.version() + 1, venue.name(), session.classroom(), session.seats(),
                venue.id())));
    }

    /**
     * Moves a scheduled session to another day and times, and to another venue, classroom or seats if asked: a
     * classroom belongs to a venue, so moving to another venue without naming one takes the whole venue.
     */
    static Decision move(Event event, String sessionId, MoveSession request, Instant now) {
        Existing existing = existing(event, sessionId);
        if (existing.refusal() != null) {
            return existing.refusal();
        }
        Session current = existing.session();
        if (current.status().terminal()) {
            return new Decision.NotChangeable(sessionId, current.status());
        }
        String venueId = request.venueId() == null || request.venueId().isBlank() ? current.venueId() : request.venueId();
        String classroom = request.classroom() != null ? blankToNull(request.classroom())
                : venueId.equals(current.venueId()) ? current.classroom() : null;
        Integer seats = request.seats() != null ? request.seats() : current.seats();
        Session moved = current.movedTo(request.date(), request.start(), request.end(), venueId, classroom, seats);
        Placed placed = place(event, moved);
        if (placed.refusal() != null) {
            return placed.refusal();
        }
        Venue venue = placed.venue();
        return new Decision.Change(current, moved, List.of(new SessionMoved(UUID.randomUUID(), now, event.id(),
                sessionId, where(venue, moved), moved.startsAt(event.zone()), moved.endsAt(event.zone()),
                event.version() + 1, venue.name(), moved.classroom(), moved.seats(), venue.id())));
    }

    /** Cancels a scheduled session; it stays in the event, cancelled. */
    static Decision cancel(Event event, String sessionId, Instant now) {
        Existing existing = existing(event, sessionId);
        if (existing.refusal() != null) {
            return existing.refusal();
        }
        Session current = existing.session();
        if (!current.status().canBecome(SessionStatus.CANCELLED)) {
            return new Decision.NotChangeable(sessionId, current.status());
        }
        return new Decision.Change(current, current.cancelled(), List.of(new SessionCancelled(UUID.randomUUID(), now,
                event.id(), sessionId, event.version() + 1)));
    }

    /** The session a change is asked of, or why none may be: the event's programme is not editable, or no such session. */
    record Existing(Session session, Decision.Refusal refusal) {
    }

    static Existing existing(Event event, String sessionId) {
        Optional<Decision.Refusal> notEditable = refuseEditing(event);
        if (notEditable.isPresent()) {
            return new Existing(null, notEditable.get());
        }
        return event.session(sessionId).map(session -> new Existing(session, null))
                .orElseGet(() -> new Existing(null, new Decision.UnknownSession(sessionId)));
    }

    /** Sessions change only while the event's programme may: not once the event is over or cancelled. */
    static Optional<Decision.Refusal> refuseEditing(Event event) {
        return event.status().editable() ? Optional.empty()
                : Optional.of(new Decision.EventNotEditable(event.id(), event.status()));
    }

    /** Where a session may go ({@link #place}): its venue, or why it may not go there. */
    record Placed(Venue venue, Decision.Refusal refusal) {
    }

    /**
     * Whether the session may go where it asks to: ending after it starts, seats only for a demonstration lesson,
     * one of the event's venues and a classroom of it, on one of the event's days, and clashing with no other
     * scheduled session ({@link SessionRules}).
     */
    static Placed place(Event event, Session session) {
        if (!session.end().isAfter(session.start())) {
            return refused(new Decision.InvalidField("end", "must be after start"));
        }
        if (session.seats() != null && session.type() != SessionType.DEMONSTRATION_LESSON) {
            return refused(new Decision.InvalidField("seats", "only a demonstration lesson has observer seats"));
        }
        Optional<Venue> found = event.venue(session.venueId());
        if (found.isEmpty()) {
            return refused(new Decision.InvalidField("venueId", "is not one of this event's venues"));
        }
        Venue venue = found.get();
        if (session.classroom() != null && !venue.classrooms().isEmpty()
                && venue.classrooms().stream().noneMatch(c -> c.equalsIgnoreCase(session.classroom()))) {
            return refused(new Decision.InvalidField("classroom", "is not a classroom of " + venue.name()
                    + " (" + String.join(", ", venue.classrooms()) + ")"));
        }
        Conflict conflict = SessionRules.check(event.startDate(), event.endDate(), event.sessions(), session).orElse(null);
        if (conflict instanceof EndsBeforeStart) {
            return refused(new Decision.InvalidField("end", "must be after start"));
        }
        if (conflict instanceof OutsideEventDays days) {
            return refused(new Decision.OutsideEventDays(session.date(), days.firstDay(), days.lastDay()));
        }
        if (conflict instanceof Clash clash) {
            return refused(new Decision.Clash(clash.other(), venue.name()));
        }
        return new Placed(venue, null);
    }

    private static Placed refused(Decision.Refusal refusal) {
        return new Placed(null, refusal);
    }

    private static String where(Venue venue, Session session) {
        return session.classroom() == null ? venue.name() : venue.name() + " – " + session.classroom();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
