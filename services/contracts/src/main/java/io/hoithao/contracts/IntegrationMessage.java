package io.hoithao.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact one service tells the others over Kafka. Every message is a past-tense record under the
 * sealed interface of the service that produces it, annotated with its stable {@link MessageType}.
 *
 * <p>The envelope fields are part of every message: a unique id (consumers use it to ignore
 * redeliveries), when it happened, and the id of the conference event it concerns (the Kafka
 * record key, so all messages about one event stay in order).
 */
public interface IntegrationMessage {

    UUID messageId();

    Instant occurredAt();

    String eventId();
}
