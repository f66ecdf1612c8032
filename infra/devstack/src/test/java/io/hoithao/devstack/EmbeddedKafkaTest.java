package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    /**
     * The controller gives each broker heartbeat half the heartbeat interval to be handled and times it out after
     * that; at 500 ms a controller starved of CPU timed out every heartbeat of a restarted broker, which stayed fenced
     * (not ready) for more than 2 minutes. A second at least, and a session of three heartbeats.
     */
    @Test
    void givesTheControllerASecondForEachHeartbeat(@TempDir Path dir) {
        java.util.Properties properties = new EmbeddedKafka(dir, 19092, 19093).brokerProperties();
        int heartbeat = Integer.parseInt(properties.getProperty("broker.heartbeat.interval.ms"));
        assertThat(heartbeat / 2).as("ms the controller has for a heartbeat").isGreaterThanOrEqualTo(1000);
        assertThat(Integer.parseInt(properties.getProperty("broker.session.timeout.ms"))).isGreaterThanOrEqualTo(3 * heartbeat);
    }

    private static final String TOPIC = "devstack.test";

    @Test
    void keepsTopicsAndRecordsAcrossARestartOnTheSameDirectory(@TempDir Path dir) throws Exception {
        int[] ports = DevStackConfig.freePortNumbers(2);

        try (EmbeddedKafka kafka = new EmbeddedKafka(dir, ports[0], ports[1]).start()) {
            RecordMetadata sent = send(kafka.bootstrapServers(), "event-1", "hello, Huế");
            assertThat(sent.topic()).isEqualTo(TOPIC);
            assertThat(readAll(kafka.bootstrapServers())).containsExactly("hello, Huế");
        }
        String clusterId = Files.readString(dir.resolve("cluster.id"), StandardCharsets.UTF_8).trim();
        assertThat(dir.resolve("data/meta.properties")).content().contains(clusterId);

        try (EmbeddedKafka kafka = new EmbeddedKafka(dir, ports[0], ports[1]).start()) {
            assertThat(kafka.clusterId()).isEqualTo(clusterId);
            assertThat(readAll(kafka.bootstrapServers())).containsExactly("hello, Huế");
        }
    }

    private static RecordMetadata send(String bootstrap, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            // the topic does not exist yet: auto.create.topics.enable makes it
            return producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from the beginning in a fresh consumer group until at least one record came. */
    private static List<String> readAll(String bootstrap) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "devstack-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                assertThat(values).isNotEmpty();
            });
        }
        return values;
    }
}
