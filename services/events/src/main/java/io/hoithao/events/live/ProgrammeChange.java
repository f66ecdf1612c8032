package io.hoithao.events.live;

import java.time.Instant;

/**
 * One change to an event's programme as the live stream tells it: what happened ({@code change}, the
 * name of the message that recorded it, such as {@code SessionMoved} or {@code SeatBooked}), to what
 * ({@code subjectId}: a session, lesson, paper or registration id; may be null) and when.
 */
public record ProgrammeChange(String eventId, String change, String subjectId, Instant at) {
}
