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
 * A scheduled session moved to another venue or time, or changed its classroom or seats; {@code revision} is the event's
 * version after the change. {@code host}, {@code classroom}, {@code seats} and {@code venueId} are as in {@link SessionScheduled}.
 */
@MessageType("events.SessionMoved.v1")
public record SessionMoved(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String sessionId,
        String venue,
        Instant startsAt,
        Instant endsAt,
        long revision,
        String host,
        String classroom,
        Integer seats,
        String venueId) implements EventsMessage {

    /** A move told without the place apart (what messages before {@code host}, {@code classroom} and {@code seats} said). */
    public SessionMoved(UUID messageId, Instant occurredAt, String eventId, String sessionId, String venue, Instant startsAt,
                        Instant endsAt, long revision) {
        this(messageId, occurredAt, eventId, sessionId, venue, startsAt, endsAt, revision, null, null, null, null);
    }

    /** A move told with the place apart but without the venue's id (what messages before {@code venueId} said). */
    public SessionMoved(UUID messageId, Instant occurredAt, String eventId, String sessionId, String venue, Instant startsAt,
                        Instant endsAt, long revision, String host, String classroom, Integer seats) {
        this(messageId, occurredAt, eventId, sessionId, venue, startsAt, endsAt, revision, host, classroom, seats, null);
    }

    public SessionMoved {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(sessionId, "sessionId");
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
