package io.hoithao.contracts.events;

import static io.hoithao.contracts.Require.after;
import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** A session (agenda item such as {@code DEMONSTRATION_LESSON} or {@code PRESENTATION}) was added to the programme at a venue and time. */
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
        long revision) implements EventsMessage {

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
    }
}
