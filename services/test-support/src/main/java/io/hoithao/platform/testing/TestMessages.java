package io.hoithao.platform.testing;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.MessageCodec;
import io.hoithao.contracts.Topics;
import io.hoithao.platform.messaging.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Sends messages to and reads messages from the test broker with plain Kafka clients, the way
 * another service would: "stimulate, then wait for the message" (see {@link Scenario}).
 *
 * <p>A JUnit extension too: a test class's field
 * <pre>{@code @RegisterExtension final TestMessages messages = new TestMessages();}</pre>
 * is closed after each test, its clients and subscriptions with it.
 */
public final class TestMessages implements AutoCloseable, AfterEachCallback {

    private final KafkaProducer<String, byte[]> producer;
    private final List<KafkaConsumer<String, byte[]>> consumers = new CopyOnWriteArrayList<>();
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    public TestMessages() {
        this.bootstrapServers = TestInfrastructure.get().bootstrapServers();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(config);
    }

    /** Publishes a message as its producing service would (same topic, key and CloudEvents headers). */
    public void send(IntegrationMessage message) {
        MessageCodec codec = MessageCodec.instance();
        sendRaw(Topics.of(message.getClass()), message.eventId(), codec.typeName(message), codec.encode(message),
                message.messageId().toString());
    }

    /** Publishes arbitrary bytes with the given type header, e.g. a poison message. */
    public void sendRaw(String topic, String key, String type, byte[] payload, String messageId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload);
        CloudEventHeaders.write(record.headers(), messageId == null ? UUID.randomUUID().toString() : messageId,
                type, "/hoithao/test", java.time.Instant.now(), key);
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Starts listening on a topic from its beginning; records are collected until {@link #close()}. */
    public Subscription subscribe(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(topic));
        consumers.add(consumer);
        return new Subscription(consumer);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            producer.close(Duration.ofSeconds(5));
            consumers.forEach(consumer -> consumer.close(Duration.ofSeconds(5)));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Records received on one topic; call {@link #poll()} inside an Awaitility condition. */
    public static final class Subscription {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

        Subscription(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        public synchronized List<ConsumerRecord<String, byte[]>> poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return List.copyOf(received);
        }

        /** The decoded messages received so far (records that do not decode are skipped). */
        public synchronized List<IntegrationMessage> messages() {
            List<IntegrationMessage> messages = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : poll()) {
                Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                if (type != null) {
                    try {
                        messages.add(MessageCodec.instance().decode(new String(type.value(), StandardCharsets.UTF_8), record.value()));
                    } catch (RuntimeException ignored) {
                        // not a readable message: callers asserting on poison records use poll()
                    }
                }
            }
            return messages;
        }

        public <T extends IntegrationMessage> List<T> messages(Class<T> type) {
            return messages().stream().filter(type::isInstance).map(type::cast).toList();
        }

        /**
         * Waits (at most {@link Scenario#PATIENCE}) until the messages of the type that {@code which} selects
         * satisfy the assertion, and returns them.
         */
        public <T extends IntegrationMessage> List<T> await(Class<T> type, Predicate<? super T> which,
                ThrowingConsumer<List<T>> assertion) {
            return Scenario.awaitList(Scenario.PATIENCE, () -> messages(type).stream().filter(which).toList(), assertion);
        }

        public static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            return headers;
        }
    }
}
