package io.hoithao.platform.outbox;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.MessageCodec;
import io.hoithao.contracts.Topics;
import io.hoithao.platform.observability.TraceContext;
import java.time.Instant;

/**
 * A message waiting in a document's {@code outbox} array to be published. It is written in the same
 * atomic update as the change that produced it, and removed by the {@link OutboxRelay} only after
 * Kafka has acknowledged it. {@code traceparent} is the trace of the change that wrote it (W3C trace context,
 * null without tracing): the relay publishes the message in that trace, so that a consumer's work joins the
 * request that caused it.
 */
public record OutboxEntry(String messageId, String type, String topic, String key, Instant occurredAt, String payload,
                          String traceparent) {

    public static OutboxEntry of(IntegrationMessage message) {
        MessageCodec codec = MessageCodec.instance();
        return new OutboxEntry(
                message.messageId().toString(),
                codec.typeName(message),
                Topics.of(message.getClass()),
                message.eventId(),
                message.occurredAt(),
                codec.encodeToString(message),
                TraceContext.currentTraceparent());
    }
}
