package io.hoithao.platform.messaging;

import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Moves retries and dead-lettering of every binding from the binder into the listener container's
 * error handler, which retries by seeking back to the failed record (so a wait of minutes never holds
 * a poll past {@code max.poll.interval.ms}) and chooses the back-off by {@link FailureKind}: none for
 * a message that can never be applied, minutes for an outage, a few attempts for anything else. The
 * record then goes to the binding's dead-letter topic, with {@code kafka_dlt-*} headers naming its
 * origin and the failure, and is listed and replayed by {@link DeadLetters}.
 */
public class ConsumerRetries implements ListenerContainerWithDlqAndRetryCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ConsumerRetries.class);

    private final KafkaOperations<byte[], byte[]> deadLetterProducer;
    private final MessagingProperties properties;
    private final DeadLetters deadLetters;

    public ConsumerRetries(KafkaOperations<byte[], byte[]> deadLetterProducer, MessagingProperties properties,
                           DeadLetters deadLetters) {
        this.deadLetterProducer = deadLetterProducer;
        this.properties = properties;
        this.deadLetters = deadLetters;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        configure(container, destinationName, group, dlqDestinationResolver, backOff, null);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff, ExtendedConsumerProperties<KafkaConsumerProperties> binding) {
        DefaultErrorHandler handler;
        if (dlqDestinationResolver == null) {
            handler = new DefaultErrorHandler(otherBackOff());
        } else {
            String configured = binding == null ? null : binding.getExtension().getDlqName();
            // The binder provisions error.<destination>.<group> when no name is configured.
            String deadLetterTopic = configured != null ? configured : "error." + destinationName + "." + group;
            deadLetters.register(deadLetterTopic, destinationName, group);
            DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterProducer,
                    (record, failure) -> new TopicPartition(deadLetterTopic, record.partition()));
            // What failed, beneath the framework's wrappers, and how it was judged: for the operator reading the list.
            recoverer.setHeadersFunction((record, failure) -> new org.apache.kafka.common.header.internals.RecordHeaders()
                    .add(DeadLetters.FAILURE, root(failure).getClass().getName().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .add(DeadLetters.FAILURE_KIND, FailureKind.of(failure).name().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            handler = new DefaultErrorHandler(recoverer, otherBackOff());
        }
        FailureKind.PERMANENT_TYPES.forEach(handler::addNotRetryableExceptions);
        handler.setBackOffFunction((record, failure) -> switch (FailureKind.of(failure)) {
            case PERMANENT -> new FixedBackOff(0, 0);
            case TRANSIENT -> outageBackOff();
            case OTHER -> otherBackOff();
        });
        // The first failure decides the back-off: an outage that changes its symptom (a timeout, then a
        // refused connection) is still one outage, and does not start its minutes over.
        handler.setResetStateOnExceptionChange(false);
        handler.setRetryListeners((record, failure, attempt) -> log.warn("{} record {}-{}@{} failed (attempt {}, {}): {}",
                group, record.topic(), record.partition(), record.offset(), attempt, FailureKind.of(failure), rootMessage(failure)));
        container.setCommonErrorHandler(handler);
    }

    private BackOff outageBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.outageFirstDelay().toMillis(), 2.0);
        backOff.setMaxInterval(properties.outageMaxDelay().toMillis());
        backOff.setMaxElapsedTime(properties.outageGiveUpAfter().toMillis());
        return backOff;
    }

    private BackOff otherBackOff() {
        return new FixedBackOff(properties.otherDelay().toMillis(), Math.max(0, properties.otherAttempts() - 1));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = root(failure);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
