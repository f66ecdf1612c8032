package io.hoithao.platform;

import io.hoithao.platform.messaging.ConsumerRetries;
import io.hoithao.platform.messaging.DeadLetters;
import io.hoithao.platform.messaging.DeadLettersEndpoint;
import io.hoithao.platform.messaging.MessagingProperties;
import io.hoithao.platform.outbox.OutboxProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Instant;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import io.hoithao.platform.outbox.OutboxRelay;
import io.hoithao.platform.outbox.Publishing;
import io.hoithao.platform.web.ProblemExceptionHandler;
import io.hoithao.platform.web.RetryAfterFilter;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the shared plumbing into every service: problem+json errors, the outbox relay, messaging defaults. */
@AutoConfiguration
@EnableConfigurationProperties({OutboxProperties.class, MessagingProperties.class})
@PropertySource("classpath:hoithao-platform.properties")
public class PlatformAutoConfiguration {

    /** Messages waiting in outboxes, per collection. */
    public static final String OUTBOX_BACKLOG = "hoithao.outbox.backlog";

    /** Age of the oldest message waiting in an outbox, per collection. */
    public static final String OUTBOX_OLDEST_AGE = "hoithao.outbox.oldest.age";

    @Bean
    @Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
    ProblemExceptionHandler problemExceptionHandler(ServerCodecConfigurer codecs) {
        return new ProblemExceptionHandler(codecs);
    }

    /** Every 503 and 429 carries Retry-After, whoever wrote it. */
    @Bean
    RetryAfterFilter retryAfterFilter() {
        return new RetryAfterFilter();
    }

    @Bean
    @ConditionalOnMissingBean(name = "outboxKafkaTemplate")
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafka,
                                                      @Value("${spring.application.name:hoithao}") String application,
                                                      ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // An acknowledgement means every in-sync replica has the message, and retries never duplicate or reorder it.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox");
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        meters.ifAvailable(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(factory);
        // A span per send, and the trace context in the record's headers (traceparent), for the consumers to continue.
        template.setObservationEnabled(true);
        return template;
    }

    /** Writes dead letters and replays them: bytes as they were consumed, acknowledged by every in-sync replica. */
    @Bean
    @ConditionalOnMissingBean(name = "deadLetterKafkaTemplate")
    KafkaTemplate<byte[], byte[]> deadLetterKafkaTemplate(KafkaProperties kafka,
                                                          @Value("${spring.application.name:hoithao}") String application) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-dead-letters");
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    DeadLetters deadLetters(KafkaProperties kafka, KafkaTemplate<byte[], byte[]> deadLetterKafkaTemplate,
                            ReactiveMongoTemplate mongo, MessagingProperties properties,
                            ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        // Reads by assignment only: no group, no commits, and never creates a topic by asking for it.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<String, Object> adminConfig = new HashMap<>(kafka.buildAdminProperties());
        adminConfig.putIfAbsent(org.apache.kafka.clients.admin.AdminClientConfig.CLIENT_ID_CONFIG, "dead-letters");
        DeadLetters deadLetters = new DeadLetters(() -> new KafkaConsumer<>(config), () -> Admin.create(adminConfig),
                deadLetterKafkaTemplate, mongo, properties.deadLetterRefresh());
        meters.ifAvailable(registry -> Gauge.builder(DeadLetters.GAUGE, deadLetters, DeadLetters::unreplayed)
                .description("Dead letters of this service's consumers not replayed yet")
                .register(registry));
        return deadLetters;
    }

    @Bean
    ConsumerRetries consumerRetries(KafkaTemplate<byte[], byte[]> deadLetterKafkaTemplate, MessagingProperties properties,
                                    DeadLetters deadLetters) {
        return new ConsumerRetries(deadLetterKafkaTemplate, properties, deadLetters);
    }

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
        return new DeadLettersEndpoint(deadLetters);
    }

    @Bean
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
                            OutboxProperties properties, ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable(CompositeMeterRegistry::new);
        OutboxRelay relay = new OutboxRelay(mongo, outboxKafkaTemplate, properties, registry);
        // What waits to be published, as the last sweep found it (every hoithao.outbox.sweep-interval): a backlog
        // that grows, or an oldest message that ages, means the broker is out of reach or the relay behind.
        for (String collection : properties.collections()) {
            Gauge.builder(OUTBOX_BACKLOG, relay, r -> r.backlog(collection).messages())
                    .description("Messages waiting in the outboxes of a collection's documents")
                    .tag("collection", collection)
                    .register(registry);
            Gauge.builder(OUTBOX_OLDEST_AGE, relay, r -> r.backlog(collection).oldestAge(Instant.now()).toMillis() / 1000.0)
                    .description("How long the oldest message waiting in a collection's outboxes has waited")
                    .tag("collection", collection)
                    .baseUnit("seconds")
                    .register(registry);
        }
        return relay;
    }

    /** How services write a change with its messages and have them published. */
    @Bean
    Publishing publishing(ReactiveMongoTemplate mongo, OutboxRelay outboxRelay) {
        return new Publishing(mongo, outboxRelay);
    }
}
