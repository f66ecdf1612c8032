package io.hoithao.observations.lesson;

import io.hoithao.contracts.IntegrationMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is decided about a command on a lesson, as plain values: a change to write ({@link Change}), the answer as
 * the lesson already stands ({@link Done}), or a refusal ({@link Refused}); {@code R} is the command's answer.
 * {@link Lifecycle} decides the lesson's own changes, the booking feature its seats; {@link LessonStore#apply}
 * makes a change one conditional write; a handler answers a refusal as a problem ({@link LessonProblems#orThrow}).
 */
public sealed interface Decision<R> {

    /**
     * A change of the lesson as read: the status it moves to (null when it stays; only a transition of {@link
     * LessonStatus#canBecome} can be made at all), the fields it sets (a null value removes the field), the item it
     * appends to a list field, the entry it removes from a list field (by the registration id it holds), what the
     * write is conditioned on, the messages that tell about it, and the command's answer once it is written.
     */
    record Change<R>(LessonStatus from, LessonStatus to, Map<String, Object> fields, Map<String, Object> appended,
                     Map<String, String> removed, Guard guard, List<IntegrationMessage> messages, R result)
            implements Decision<R> {

        public Change {
            if (to != null && !from.canBecome(to)) {
                throw new IllegalArgumentException("A lesson " + from + " cannot become " + to);
            }
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            appended = Collections.unmodifiableMap(new LinkedHashMap<>(appended));
            removed = Collections.unmodifiableMap(new LinkedHashMap<>(removed));
            messages = List.copyOf(messages);
        }

        /** A change of {@code lesson} as read, written only while it is still exactly as read. */
        public static Builder of(Lesson lesson) {
            return new Builder(lesson.status());
        }
    }

    /** Builds a {@link Change}, field by field, in the order the decision says them. */
    final class Builder {

        private final LessonStatus from;
        private LessonStatus to;
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final Map<String, Object> appended = new LinkedHashMap<>();
        private final Map<String, String> removed = new LinkedHashMap<>();
        private Guard guard = Guard.AS_READ;
        private List<? extends IntegrationMessage> messages = List.of();

        private Builder(LessonStatus from) {
            this.from = from;
        }

        public Builder becomes(LessonStatus status) {
            this.to = status;
            return this;
        }

        public Builder set(String field, Object value) {
            fields.put(field, value);
            return this;
        }

        public Builder append(String list, Object item) {
            appended.put(list, item);
            return this;
        }

        public Builder remove(String list, String registrationId) {
            removed.put(list, registrationId);
            return this;
        }

        public Builder guard(Guard guard) {
            this.guard = guard;
            return this;
        }

        public Builder tell(List<? extends IntegrationMessage> messages) {
            this.messages = messages;
            return this;
        }

        public <R> Change<R> answer(R result) {
            return new Change<>(from, to, fields, appended, removed, guard, List.copyOf(messages), result);
        }
    }

    /** What a change's write is conditioned on, beyond the lesson's id. */
    sealed interface Guard {

        /** The lesson is still exactly as read (its version): the messages' figures are exact. */
        Guard AS_READ = new AsRead();

        record AsRead() implements Guard {
        }

        /** As read, and the seat's conditions spelled out too: the delegate holds no place in it, a seat is free. */
        record SeatFreeFor(String registrationId) implements Guard {
        }

        /**
         * Not the version: the lesson is still in its status, the delegate holds no place in it, and it is still
         * full. Joining the queue of a full lesson does not depend on who else joins, so a burst of latecomers
         * does not retry against each other.
         */
        record StillFullFor(String registrationId) implements Guard {
        }
    }

    /** Where a command on a lesson ended, for its caller: its answer, or a refusal. */
    sealed interface Result<R> {
    }

    /** The command's answer: nothing was to be written, or its change was. */
    record Done<R>(R value) implements Decision<R>, Result<R> {
    }

    /** The command was refused, for the reason given; nothing was written. */
    record Refused<R>(Refusal refusal) implements Decision<R>, Result<R> {
    }

    /** Why a command on a lesson was refused. */
    sealed interface Refusal {
    }

    /** The lesson takes no bookings and no changes in its status (it was cancelled). */
    record NotBookable(String lessonId, LessonStatus status) implements Refusal {
    }

    /** Fewer seats than observers already booked. */
    record SeatsBelowBookings(String lessonId, int booked, int seats) implements Refusal {
    }

    /** The delegate already holds a place in the lesson ({@code held}: BOOKED or WAITLISTED). */
    record AlreadyHeld(String lessonId, String registrationId, String held) implements Refusal {
    }

    /** Attendance of registrations that hold no seat in the lesson. */
    record NotBooked(String lessonId, List<String> registrationIds) implements Refusal {

        public NotBooked {
            registrationIds = List.copyOf(registrationIds);
        }
    }

    /** A field of the request is not acceptable. */
    record InvalidField(String field, String message) implements Refusal {
    }

    /** The event was cancelled: it takes no new lessons. */
    record EventCancelled(String eventId) implements Refusal {
    }

    /** The lesson changed under every attempt to write the change. */
    record KeptChanging(String lessonId) implements Refusal {
    }
}
