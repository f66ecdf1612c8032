package io.hoithao.events.session;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.events.event.Event;
import io.hoithao.events.event.EventStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link Lifecycle} decides about a command on a session, as plain values: a change to write, or a refusal
 * (the shape of the events' own decisions). {@link SessionStore#apply} makes a change one version-guarded write of
 * the session's event; the handler answers a refusal as a problem ({@link SessionProblems#orThrow}).
 */
sealed interface Decision {

    /**
     * A change of one session of the event as read: the session as it was ({@code before}; null for a new one, which
     * is appended) and as it becomes, and the messages that tell about it. Its status changes only along {@link
     * SessionStatus#canBecome}; a new session is scheduled.
     */
    record Change(Session before, Session after, List<IntegrationMessage> messages) implements Decision {

        public Change {
            SessionStatus from = before == null ? null : before.status();
            if (from == null ? after.status() != SessionStatus.SCHEDULED
                    : from != after.status() && !from.canBecome(after.status())) {
                throw new IllegalArgumentException("A session " + from + " cannot become " + after.status());
            }
            if (before != null && !before.id().equals(after.id())) {
                throw new IllegalArgumentException("Session " + before.id() + " cannot become session " + after.id());
            }
            messages = List.copyOf(messages);
        }
    }

    /** Where a command on a session ended, for its caller: the session as written, or a refusal. */
    sealed interface Result {
    }

    /** The session as the change left it, in its event as written. */
    record Done(Event event, Session session) implements Result {
    }

    /** Why a command was refused. */
    sealed interface Refusal extends Decision, Result {
    }

    /** The event is over or cancelled ({@link EventStatus#editable}): its programme no longer changes. */
    record EventNotEditable(String eventId, EventStatus current) implements Refusal {
    }

    /** The event has as many sessions as an event may have (cancelled ones included). */
    record TooManySessions(String eventId, int sessions) implements Refusal {
    }

    /** The event has no session with this id. */
    record UnknownSession(String sessionId) implements Refusal {
    }

    /** The session's status allows no change any more ({@link SessionStatus#terminal}). */
    record NotChangeable(String sessionId, SessionStatus current) implements Refusal {
    }

    /** A field of the request is not acceptable. */
    record InvalidField(String field, String message) implements Refusal {
    }

    /** The session's day is not one of the event's days. */
    record OutsideEventDays(LocalDate date, LocalDate firstDay, LocalDate lastDay) implements Refusal {
    }

    /** Another scheduled session occupies the same place at an overlapping time; {@code venue} names the place. */
    record Clash(Session other, String venue) implements Refusal {
    }
}
