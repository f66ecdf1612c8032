package io.hoithao.events.event;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.events.session.Session;
import io.hoithao.platform.status.StatusChange;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link Lifecycle} decides about a command on an event, as plain values: a change to write, or a refusal.
 * {@link EventStore#apply} makes a change one version-guarded write; the handler answers a refusal as a problem
 * ({@link EventProblems#orThrow}).
 */
sealed interface Decision {

    /**
     * A change of the event as read ({@link StatusChange}: its status along {@link EventStatus#canBecome}, fields,
     * appended items, messages), and what changed for the live stream ({@code subjectId}, may be null).
     */
    record Change(StatusChange<EventStatus, IntegrationMessage> write, String subjectId) implements Decision {
    }

    /** Where a command on an event ended, for its caller: the event as written, or a refusal. */
    sealed interface Result {
    }

    /** The event as the change left it. */
    record Done(Event event) implements Result {
    }

    /** Why a command was refused. */
    sealed interface Refusal extends Decision, Result {
    }

    /** The event's status cannot become {@code requested}. */
    record InvalidTransition(String eventId, EventStatus current, EventStatus requested) implements Refusal {
    }

    /** The event is too far along for what was asked ({@code what}: its programme, its days, its unit). */
    record NotEditable(String eventId, EventStatus current, Aspect what) implements Refusal {
    }

    /** What may no longer change about an event. */
    enum Aspect {
        /** Sessions, venues, capacity and details: not once the event is over or cancelled. */
        PROGRAMME,
        /** Its days: not once it is under way. */
        DAYS,
        /** Its unit: not once it is published (the other services know it by its unit). */
        UNIT
    }

    /** A reschedule would leave these scheduled sessions after the new last day. */
    record SessionsOutside(LocalDate lastDay, List<Session> sessions) implements Refusal {

        public SessionsOutside {
            sessions = List.copyOf(sessions);
        }
    }

    /** The event has as many venues as an event may have. */
    record TooManyVenues(String eventId, int venues) implements Refusal {
    }

    /** A field of the request is not acceptable. */
    record InvalidField(String field, String message) implements Refusal {
    }

    /** Only an administrator moves an event to another unit. */
    record MoveForbidden(String eventId) implements Refusal {
    }
}
