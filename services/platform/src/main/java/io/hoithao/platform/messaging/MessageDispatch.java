package io.hoithao.platform.messaging;

import io.hoithao.contracts.IntegrationMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * What a consumer does with each type of message on its topic: one handler per type it reacts to, and the
 * types it has no use for named as ignored. A dispatch is built for the topic's sealed family of messages
 * ({@code EventsMessage}, {@code RegistrationsMessage}…) and refuses to be built while a member of the family
 * is neither handled nor ignored, so a type added to a topic makes every consumer of it decide (the service
 * does not start until it has).
 *
 * <pre>{@code
 * MessageDispatch.of(EventsMessage.class)
 *         .on(EventPublished.class, events::published)
 *         .on(EventCancelled.class, events::cancelled)
 *         .ignore(EventStarted.class, SessionScheduled.class)
 *         .consumer();
 * }</pre>
 *
 * <p>An ignored type is acknowledged without effect. A message outside the family (another topic's type on
 * this topic) is acknowledged without effect too, as a consumer always did with a type it did not know how to
 * use; a type no service knows (an unknown {@code ce_type}) fails decoding in {@link InboundMessages} and is
 * dead-lettered, as before.
 */
public final class MessageDispatch {

    private static final Logger log = LoggerFactory.getLogger(MessageDispatch.class);

    private final Class<? extends IntegrationMessage> family;
    private final Map<Class<?>, Function<IntegrationMessage, Mono<?>>> handlers;
    private final Set<Class<?>> ignored;

    private MessageDispatch(Class<? extends IntegrationMessage> family, Map<Class<?>, Function<IntegrationMessage, Mono<?>>> handlers,
                            Set<Class<?>> ignored) {
        this.family = family;
        this.handlers = Map.copyOf(handlers);
        this.ignored = Set.copyOf(ignored);
    }

    /** Starts a dispatch for the messages of one topic, whose sealed interface is {@code family}. */
    public static <F extends IntegrationMessage> Builder<F> of(Class<F> family) {
        if (!family.isSealed()) {
            throw new IllegalArgumentException(family.getName() + " is not a sealed family of messages");
        }
        return new Builder<>(family);
    }

    /** Hands the message to the handler of its type; emits nothing for an ignored type or one outside the family. */
    public Mono<?> apply(IntegrationMessage message) {
        Function<IntegrationMessage, Mono<?>> handler = handlers.get(message.getClass());
        if (handler != null) {
            return handler.apply(message);
        }
        if (ignored.contains(message.getClass())) {
            log.debug("Ignoring {} {}", message.getClass().getSimpleName(), message.messageId());
        } else {
            log.debug("Ignoring {} {}: not a {}", message.getClass().getSimpleName(), message.messageId(), family.getSimpleName());
        }
        return Mono.empty();
    }

    /** Whether a message of this type is acknowledged without effect. */
    public boolean ignores(Class<? extends IntegrationMessage> type) {
        return !handlers.containsKey(type);
    }

    /** The consumer function to bind to the topic: decodes, dispatches, and returns once the handler's write is done. */
    public Consumer<Message<byte[]>> consumer() {
        return InboundMessages.consumer(this::apply);
    }

    /** Registers the handlers and the ignored types of one family; see {@link MessageDispatch}. */
    public static final class Builder<F extends IntegrationMessage> {

        private final Class<F> family;
        private final Map<Class<?>, Function<IntegrationMessage, Mono<?>>> handlers = new LinkedHashMap<>();
        private final Set<Class<?>> ignored = new LinkedHashSet<>();

        private Builder(Class<F> family) {
            this.family = family;
        }

        /** The handler of one type; each type has one. */
        public <T extends F> Builder<F> on(Class<T> type, Function<? super T, ? extends Mono<?>> handler) {
            claim(type);
            handlers.put(type, message -> handler.apply(type.cast(message)));
            return this;
        }

        /** Types this consumer has no use for: acknowledged without effect. */
        @SafeVarargs
        public final Builder<F> ignore(Class<? extends F>... types) {
            Arrays.stream(types).forEach(type -> {
                claim(type);
                ignored.add(type);
            });
            return this;
        }

        /** The dispatch; refused while a member of the family is neither handled nor ignored. */
        public MessageDispatch build() {
            List<String> undecided = new ArrayList<>();
            for (Class<?> member : family.getPermittedSubclasses()) {
                if (!handlers.containsKey(member) && !ignored.contains(member)) {
                    undecided.add(member.getSimpleName());
                }
            }
            if (!undecided.isEmpty()) {
                throw new IllegalStateException("Neither handled nor ignored of " + family.getSimpleName() + ": "
                        + String.join(", ", undecided));
            }
            return new MessageDispatch(family, handlers, ignored);
        }

        /** Shorthand for {@code build().consumer()}. */
        public Consumer<Message<byte[]>> consumer() {
            return build().consumer();
        }

        private void claim(Class<?> type) {
            if (handlers.containsKey(type) || ignored.contains(type)) {
                throw new IllegalStateException(type.getSimpleName() + " is already handled or ignored");
            }
        }
    }
}
