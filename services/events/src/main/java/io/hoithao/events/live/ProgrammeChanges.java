package io.hoithao.events.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The hub of programme changes that the server-sent-events stream relays, shared by every instance of the
 * service. Changes are announced after the write that made them is stored. A change goes at once to this
 * instance's streams and, through topic {@value #TOPIC}, to the other instances': each one reads that topic
 * in a consumer group of its own (so every instance sees every change), from the end, committing nothing, and
 * skips what it announced itself. A subscriber too slow to keep up loses changes rather than slowing the
 * writers down (the stream is a prompt to re-read the programme, not a log); so does another instance's
 * subscriber while the broker is unreachable.
 */
@Component
public class ProgrammeChanges implements SmartLifecycle {

    /** Where the instances tell each other their changes: key the event id, the change in the headers. */
    public static final String TOPIC = "hoithao.events.programme-changes";

    private static final Logger log = LoggerFactory.getLogger(ProgrammeChanges.class);
    private static final String ORIGIN = "origin";
    private static final String CHANGE = "change";
    private static final String SUBJECT = "subject";
    private static final String AT = "at";

    private final Sinks.Many<ProgrammeChange> sink = Sinks.many().multicast().directBestEffort();
    private final Sinks.One<Void> listening = Sinks.one();
    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaMessageListenerContainer<String, byte[]> container;
    private final String instance;

    ProgrammeChanges(@Qualifier("outboxKafkaTemplate") KafkaTemplate<String, byte[]> kafka, KafkaProperties properties,
                     @Value("${spring.application.name:events}") String application) {
        this.kafka = kafka;
        this.instance = UUID.randomUUID().toString();
        Map<String, Object> config = new HashMap<>(properties.buildConsumerProperties());
        // A group of this instance's own, new at every start: it reads every partition, from the end (what is
        // announced while nobody listens is of no use to anyone), and commits nothing, so the broker forgets the
        // group once the instance stops.
        config.put(ConsumerConfig.GROUP_ID_CONFIG, application + "-live-" + instance);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        ContainerProperties container = new ContainerProperties(TOPIC);
        container.setAckMode(ContainerProperties.AckMode.MANUAL);
        container.setMessageListener((MessageListener<String, byte[]>) this::received);
        container.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                // Fixes the starting offsets now: "latest" would otherwise be looked up at the first fetch, and a
                // change announced in between would be missed.
                partitions.forEach(consumer::position);
                listening.tryEmitEmpty();
            }
        });
        this.container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(config), container);
        this.container.setBeanName("programmeChanges");
    }

    /** Tells this instance's streams at once, and the other instances' through the topic. */
    public void announce(ProgrammeChange change) {
        deliver(change);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, change.eventId(), new byte[0]);
        Headers headers = record.headers();
        headers.add(ORIGIN, bytes(instance));
        headers.add(CHANGE, bytes(change.change()));
        if (change.subjectId() != null) {
            headers.add(SUBJECT, bytes(change.subjectId()));
        }
        headers.add(AT, bytes(Long.toString(change.at().toEpochMilli())));
        // send blocks while the broker's metadata is unknown: never on the caller's (a database driver's) thread.
        Mono.fromFuture(() -> kafka.send(record))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(sent -> { }, e -> log.debug("Programme change {} not shared: {}", change, e.toString()));
    }

    public Flux<ProgrammeChange> of(String eventId) {
        return sink.asFlux().filter(change -> change.eventId().equals(eventId));
    }

    /** Completes once this instance receives the other instances' changes (its consumer has its partitions). */
    public Mono<Void> listening() {
        return listening.asMono();
    }

    private void received(ConsumerRecord<String, byte[]> record) {
        if (instance.equals(text(record.headers().lastHeader(ORIGIN))) || record.key() == null) {
            return; // this instance's own: its streams had it when it was announced
        }
        String change = text(record.headers().lastHeader(CHANGE));
        String at = text(record.headers().lastHeader(AT));
        if (change == null || at == null) {
            return;
        }
        Instant when;
        try {
            when = Instant.ofEpochMilli(Long.parseLong(at));
        } catch (NumberFormatException e) {
            return; // not one of ours
        }
        deliver(new ProgrammeChange(record.key(), change, text(record.headers().lastHeader(SUBJECT)), when));
    }

    private void deliver(ProgrammeChange change) {
        Sinks.EmitResult result = sink.tryEmitNext(change);
        if (result == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            // Two writers (or a writer and the feed) announced at the same instant: retry briefly instead of dropping it.
            sink.emitNext(change, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
        } else if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            log.debug("Programme change {} not delivered: {}", change, result);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }
}
