package io.hoithao.platform.messaging;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.MessageCodec;
import io.hoithao.contracts.MessageDecodingException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * Builds the per-message consumer functions that Spring Cloud Stream binds to a topic. A message is
 * decoded by its {@code ce_type} header and handed to the service's handler; the consumer returns only
 * when the handler's write is done, so the binder commits the offset after the change is stored.
 * Any failure is thrown back to the binder, which retries with back-off and then dead-letters the
 * message while the consumer carries on with the next one.
 */
public final class InboundMessages {

    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);
    private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(30);

    private InboundMessages() {
    }

    public static Consumer<Message<byte[]>> consumer(Function<IntegrationMessage, Mono<?>> handler) {
        return message -> {
            IntegrationMessage decoded = decode(message);
            log.debug("Handling {} {}", decoded.getClass().getSimpleName(), decoded.messageId());
            handler.apply(decoded).timeout(HANDLER_TIMEOUT).block();
        };
    }

    public static IntegrationMessage decode(Message<byte[]> message) {
        String type = CloudEventHeaders.read(message.getHeaders(), CloudEventHeaders.TYPE);
        if (type == null) {
            throw new MessageDecodingException("message has no " + CloudEventHeaders.TYPE + " header");
        }
        return MessageCodec.instance().decode(type, message.getPayload());
    }
}
