package io.hoithao.events.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * An agenda item on one day of an event, in the event's local time. {@code classroom} narrows the
 * venue (a demonstration lesson in one classroom of a host school); {@code seats} are a demonstration
 * lesson's observer seats (null for other sessions, or when left to the observations service);
 * {@code sequence} counts the times it moved, for calendar clients.
 */
public record Session(
        String id,
        SessionType type,
        String title,
        String description,
        LocalDate date,
        LocalTime start,
        LocalTime end,
        String venueId,
        String classroom,
        String chair,
        List<String> speakers,
        SessionStatus status,
        int sequence,
        Integer seats) {

    public Session {
        speakers = speakers == null ? List.of() : List.copyOf(speakers);
        status = status == null ? SessionStatus.SCHEDULED : status;
    }

    public Instant startsAt(ZoneId zone) {
        return date.atTime(start).atZone(zone).toInstant();
    }

    public Instant endsAt(ZoneId zone) {
        return date.atTime(end).atZone(zone).toInstant();
    }

    Session movedTo(LocalDate newDate, LocalTime newStart, LocalTime newEnd, String newVenueId, String newClassroom,
                    Integer newSeats) {
        return new Session(id, type, title, description, newDate, newStart, newEnd, newVenueId, newClassroom,
                chair, speakers, status, sequence + 1, newSeats);
    }

    /** The classroom and seats its demonstration lesson has in the observations service (not a move: same sequence). */
    Session placedAs(String newClassroom, Integer newSeats) {
        return new Session(id, type, title, description, date, start, end, venueId, newClassroom, chair, speakers,
                status, sequence, newSeats);
    }

    Session cancelled() {
        return new Session(id, type, title, description, date, start, end, venueId, classroom, chair, speakers,
                SessionStatus.CANCELLED, sequence + 1, seats);
    }

    /** The same session on another day, same local times: what an event's reschedule does to it. */
    public Session onDate(LocalDate newDate) {
        return newDate.equals(date) ? this
                : new Session(id, type, title, description, newDate, start, end, venueId, classroom, chair, speakers,
                        status, sequence + 1, seats);
    }
}
