package io.hoithao.contracts.events;

import static io.hoithao.contracts.Require.after;
import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.positive;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A session (agenda item such as {@code DEMONSTRATION_LESSON} or {@code PRESENTATION}) was added to the programme at a venue and time.
 * {@code venue} is the place as shown (venue and classroom); {@code host}, {@code classroom} and {@code seats} say the same
 * apart for the observations service: the venue's name alone, the classroom (null for the whole venue) and, for a
 * demonstration lesson, its observer seats (null when the organiser left them to the observations service). {@code venueId}
 * is the venue's id in the event (what the observations service keys a classroom's timetable by; the name is only shown).
 * Messages written before these fields existed carry none of them.
 */
@MessageType("events.SessionScheduled.v1")
public record SessionScheduled(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String sessionId,
        String type,
        String title,
        String venue,
        Instant startsAt,
        Instant endsAt,
        long revision,
        String host,
        String classroom,
        Integer seats,
        String venueId) implements EventsMessage {

    /** A session told without its place apart (what messages before {@code host}, {@code classroom} and {@code seats} said). */
    public SessionScheduled(UUID messageId, Instant occurredAt, String eventId, String sessionId, String type, String title,
                            String venue, Instant startsAt, Instant endsAt, long revision) {
        this(messageId, occurredAt, eventId, sessionId, type, title, venue, startsAt, endsAt, revision, null, null, null, null);
    }

    /** A session told with its place apart but without the venue's id (what messages before {@code venueId} said). */
    public SessionScheduled(UUID messageId, Instant occurredAt, String eventId, String sessionId, String type, String title,
                            String venue, Instant startsAt, Instant endsAt, long revision, String host, String classroom,
                            Integer seats) {
        this(messageId, occurredAt, eventId, sessionId, type, title, venue, startsAt, endsAt, revision, host, classroom, seats, null);
    }

    public SessionScheduled {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(sessionId, "sessionId");
        text(type, "type");
        text(title, "title");
        text(venue, "venue");
        present(startsAt, "startsAt");
        present(endsAt, "endsAt");
        notNegative(revision, "revision");
        after(endsAt, "endsAt", startsAt, "startsAt");
        if (seats != null) {
            positive(seats, "seats");
        }
    }
}
