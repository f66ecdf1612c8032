package io.hoithao.contracts.events;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** A session was removed from the programme; {@code revision} is the event's version after the change. */
@MessageType("events.SessionCancelled.v1")
public record SessionCancelled(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String sessionId,
        long revision) implements EventsMessage {

    public SessionCancelled {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(sessionId, "sessionId");
        notNegative(revision, "revision");
    }
}
