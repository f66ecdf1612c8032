package io.hoithao.events.event;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.events.session.Session;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Lifecycle} decides about a command on an event, as plain values: a change to write, or a refusal.
 * {@link EventStore#apply} makes a change one version-guarded write; the handler answers a refusal as a problem
 * ({@link EventProblems#orThrow}).
 */
sealed interface Decision {

    /**
     * A change of the event as read: the status it moves to (null when it stays; only a transition of {@link
     * EventStatus#canBecome} can be made at all), the fields it sets (a value may be null), the items it appends to
     * a list field, the messages that tell about it, and what changed for the live stream ({@code subjectId}, may be
     * null).
     */
    record Change(EventStatus from, EventStatus to, Map<String, Object> fields, Map<String, Object> appended,
                  List<IntegrationMessage> messages, String subjectId) implements Decision {

        public Change {
            if (to != null && !from.canBecome(to)) {
                throw new IllegalArgumentException("An event " + from + " cannot become " + to);
            }
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            appended = Collections.unmodifiableMap(new LinkedHashMap<>(appended));
            messages = List.copyOf(messages);
        }
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
