package io.hoithao.presentations.placement;

import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.contracts.presentations.PaperScheduled;
import io.hoithao.contracts.presentations.PaperUnscheduled;
import io.hoithao.contracts.presentations.PresentationsMessage;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.presentations.placement.PresentationSession.Slot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The placement rules, in plain Java: a paper sits in at most one live session; the minutes of a
 * session's papers never exceed the session; positions are 1-based and contiguous. Every operation
 * returns the new sessions and the messages telling what changed for each paper, stamped with the
 * programme's {@code revision} after the change.
 */
final class Placement {

    static final String SESSION_TYPE = "PRESENTATION";

    private Placement() {
    }

    /**
     * The result of an operation; {@code null} from an operation means nothing changes. {@code withdrawnPaperId}
     * is a paper this change marks as withdrawn in the programme (null for none): no placement takes it after.
     */
    record Outcome(List<PresentationSession> sessions, List<PresentationsMessage> messages, String withdrawnPaperId) {

        Outcome(List<PresentationSession> sessions, List<PresentationsMessage> messages) {
            this(sessions, messages, null);
        }
    }

    static Outcome place(String eventId, List<PresentationSession> sessions, Slot paper, String sessionId,
                         Integer position, long revision, Instant now) {
        PresentationSession target = sessions.stream().filter(s -> s.id().equals(sessionId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        if (target.cancelled()) {
            throw ProblemException.conflict("session-cancelled", "Session " + sessionId + " was cancelled")
                    .with("sessionId", sessionId);
        }
        List<Slot> others = new ArrayList<>(target.slots().stream().filter(s -> !s.paperId().equals(paper.paperId())).toList());
        int placed = others.stream().mapToInt(Slot::minutes).sum();
        if (placed + paper.minutes() > target.minutes()) {
            int overflow = placed + paper.minutes() - target.minutes();
            throw ProblemException.conflict("session-overflow", "Paper " + paper.paperId() + " needs " + paper.minutes()
                            + " min but session " + sessionId + " has " + (target.minutes() - placed) + " of "
                            + target.minutes() + " min left; it would overflow by " + overflow + " min")
                    .with("sessionId", sessionId).with("sessionMinutes", target.minutes())
                    .with("placedMinutes", placed).with("requestedMinutes", paper.minutes())
                    .with("overflowMinutes", overflow);
        }
        int at = position == null ? others.size() + 1 : position;
        if (at < 1 || at > others.size() + 1) {
            throw ProblemException.invalidField("position", "must be between 1 and " + (others.size() + 1));
        }
        others.add(at - 1, paper);
        List<PresentationSession> after = new ArrayList<>();
        for (PresentationSession session : sessions) {
            if (session.id().equals(sessionId)) {
                after.add(session.withSlots(others));
            } else {
                after.add(session.withSlots(session.slots().stream().filter(s -> !s.paperId().equals(paper.paperId())).toList()));
            }
        }
        return outcome(eventId, sessions, after, "REMOVED", revision, now);
    }

    static Outcome remove(String eventId, List<PresentationSession> sessions, String paperId, String reason,
                          long revision, Instant now) {
        List<PresentationSession> after = sessions.stream()
                .map(s -> s.withSlots(s.slots().stream().filter(slot -> !slot.paperId().equals(paperId)).toList()))
                .toList();
        return outcome(eventId, sessions, after, reason, revision, now);
    }

    static Outcome scheduled(String eventId, List<PresentationSession> sessions, SessionScheduled m, long revision, Instant now) {
        if (!SESSION_TYPE.equals(m.type())) {
            return null;
        }
        PresentationSession current = find(sessions, m.sessionId());
        if (current != null && current.revision() >= m.revision()) {
            return null;
        }
        PresentationSession updated = new PresentationSession(m.sessionId(), m.title(), m.venue(), m.startsAt(), m.endsAt(),
                false, m.revision(), current == null ? List.of() : current.slots());
        return outcome(eventId, sessions, replace(sessions, updated), "REMOVED", revision, now);
    }

    /** The papers move with their session: their times derive from the session's start and their order. */
    static Outcome moved(String eventId, List<PresentationSession> sessions, SessionMoved m, long revision, Instant now) {
        PresentationSession current = find(sessions, m.sessionId());
        if (current == null || current.revision() >= m.revision()) {
            return null;
        }
        PresentationSession updated = new PresentationSession(current.id(), current.title(), m.venue(), m.startsAt(),
                m.endsAt(), current.cancelled(), m.revision(), current.slots());
        return outcome(eventId, sessions, replace(sessions, updated), "REMOVED", revision, now);
    }

    /** A cancelled session's papers return to accepted-but-unplaced. */
    static Outcome cancelled(String eventId, List<PresentationSession> sessions, SessionCancelled m, long revision, Instant now) {
        PresentationSession current = find(sessions, m.sessionId());
        if (current == null || current.revision() >= m.revision()) {
            return null;
        }
        PresentationSession updated = new PresentationSession(current.id(), current.title(), current.venue(),
                current.startsAt(), current.endsAt(), true, m.revision(), List.of());
        return outcome(eventId, sessions, replace(sessions, updated), "SESSION_CANCELLED", revision, now);
    }

    /**
     * A cancelled event withdraws its papers from the programme: every session is closed and emptied, one
     * {@code EVENT_CANCELLED} unscheduling per placed paper; the papers themselves stay accepted, for the record.
     */
    static Outcome eventCancelled(String eventId, List<PresentationSession> sessions, long revision, Instant now) {
        if (sessions.stream().allMatch(s -> s.cancelled() && s.slots().isEmpty())) {
            return null;
        }
        List<PresentationSession> after = sessions.stream()
                .map(s -> new PresentationSession(s.id(), s.title(), s.venue(), s.startsAt(), s.endsAt(), true,
                        s.revision(), List.of()))
                .toList();
        return outcome(eventId, sessions, after, "EVENT_CANCELLED", revision, now);
    }

    private static PresentationSession find(List<PresentationSession> sessions, String sessionId) {
        return sessions.stream().filter(s -> s.id().equals(sessionId)).findFirst().orElse(null);
    }

    private static List<PresentationSession> replace(List<PresentationSession> sessions, PresentationSession updated) {
        List<PresentationSession> after = new ArrayList<>();
        boolean found = false;
        for (PresentationSession session : sessions) {
            if (session.id().equals(updated.id())) {
                after.add(updated);
                found = true;
            } else {
                after.add(session);
            }
        }
        if (!found) {
            after.add(updated);
        }
        return after;
    }

    private record Seat(String sessionId, int position, Slot slot) {
    }

    private static Map<String, Seat> seats(List<PresentationSession> sessions) {
        Map<String, Seat> seats = new LinkedHashMap<>();
        for (PresentationSession session : sessions) {
            for (int i = 0; i < session.slots().size(); i++) {
                Slot slot = session.slots().get(i);
                seats.put(slot.paperId(), new Seat(session.id(), i + 1, slot));
            }
        }
        return seats;
    }

    /** One message per paper whose session, position or minutes changed: scheduled again, or unscheduled. */
    static Outcome outcome(String eventId, List<PresentationSession> before, List<PresentationSession> after,
                           String reason, long revision, Instant now) {
        Map<String, Seat> was = seats(before);
        Map<String, Seat> is = seats(after);
        List<PresentationsMessage> messages = new ArrayList<>();
        was.forEach((paperId, seat) -> {
            if (!is.containsKey(paperId)) {
                messages.add(new PaperUnscheduled(UUID.randomUUID(), now, eventId, paperId, seat.sessionId(), reason, revision));
            }
        });
        is.forEach((paperId, seat) -> {
            Seat old = was.get(paperId);
            if (old == null || !old.sessionId().equals(seat.sessionId()) || old.position() != seat.position()
                    || old.slot().minutes() != seat.slot().minutes()) {
                Slot slot = seat.slot();
                messages.add(new PaperScheduled(UUID.randomUUID(), now, eventId, paperId, seat.sessionId(), slot.title(),
                        slot.unit(), slot.presenters(), seat.position(), slot.minutes(), revision));
            }
        });
        return new Outcome(after, messages);
    }
}
