package io.hoithao.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * P3: from a registration's 201 (through the gateway, at a steady rate) to the observations service
 * knowing the observer, probed per registration with the delegate's own token
 * ({@code GET /api/observations/events/{id}/delegates/{registrationId}/schedule}: 404 until the
 * observations service has the confirmed delegate, then 200; a findById, cheaper than the observer
 * list). Beside it the bare broker's produce→consume latency at the same rate, a plain producer and
 * consumer with default settings on the stack's broker.
 */
final class MessageHop extends Scenario {

    private static final long PROBE_EVERY_MS = 10;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    MessageHop(Context context) {
        super(context);
    }

    void run() throws Exception {
        int count = Math.min(options.p3Count, delegates.size());
        String event = api.openEvent("Bench P3 message hop", count + 10);
        List<Sample> hops = Collections.synchronizedList(new ArrayList<>());
        List<Sample> probes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch pending = new CountDownLatch(count);
        List<Sample> registrations = load.steadyRate(count, options.p3Rate,
                i -> Api.registration(target.gateway(), delegates.get(i), event, Api.UNITS.get(i % Api.UNITS.size())),
                response -> response.statusCode() == 201 ? Api.JSON.readTree(response.body()).path("id").asString() : null,
                (i, sample) -> {
                    if (sample.outcome() == null) {
                        pending.countDown(); // no registration, nothing to wait for (counted below)
                        return;
                    }
                    URI probe = target.observations().resolve("/api/observations/events/" + event + "/delegates/" + sample.outcome() + "/schedule");
                    probe(Api.get(probe, delegates.get(i).token()), sample.endNanos(), hops, probes, pending);
                });
        boolean all = pending.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        Series hop = new Series("registration 201 → observations", List.copyOf(hops));
        Series registered = new Series("registrations (gateway)", registrations);
        Series broker = bareBroker(count, options.p3Rate);

        double probeRtt = new Series("probe", List.copyOf(probes)).percentile(50);
        String what = count + " registrations at " + Report.perSecond(options.p3Rate) + " through the gateway";
        report.row("P3", "message hop p50 (" + what + ")", Report.ms(hop.percentile(50)), Report.ms(broker.percentile(50)) + " bare broker",
                Report.ratio(hop.percentile(50) / broker.percentile(50)) + " of the broker");
        report.row("P3", "message hop p99", Report.ms(hop.percentile(99)), Report.ms(broker.percentile(99)) + " bare broker",
                Report.ratio(hop.percentile(99) / broker.percentile(99)) + " of the broker");
        report.row("P3", "rate achieved, registration p99", Report.perSecond(registered.throughput()) + ", p99 "
                + Report.ms(registered.percentile(99)), Report.perSecond(broker.throughput()) + " broker", "");
        report.row("P3", "probe (a findById at the observations service) p50 / p99, every " + PROBE_EVERY_MS + " ms per pending delegate",
                Report.ms(probeRtt) + " / " + Report.ms(new Series("probe", List.copyOf(probes)).percentile(99)), "",
                "the hop's resolution: up to the probe's round trip + " + PROBE_EVERY_MS + " ms");
        report.check("P3", "every registration answered 201 without a 5xx", registered.countStatus(201) == count, registered.statusSummary());
        report.check("P3", "the observations service knew every registered delegate within " + PATIENCE.toSeconds() + " s",
                all && hop.count() == registered.countStatus(201), hop.count() + " of " + registered.countStatus(201));
        report.check("P3", "the bare broker delivered every message", broker.count() == count, broker.count() + " of " + count);
        report.chart("P3 message hop (" + what + ") and the bare broker", List.of(hop, broker));
    }

    private void probe(HttpRequest request, long registeredAt, List<Sample> hops, List<Sample> probes, CountDownLatch pending) {
        if (System.nanoTime() - registeredAt > PATIENCE.toNanos()) {
            pending.countDown();
            return;
        }
        load.send(request, null).thenAccept(sample -> {
            probes.add(sample);
            if (sample.status() == 200) {
                hops.add(new Sample(registeredAt, sample.endNanos(), 200, null));
                pending.countDown();
            } else {
                load.clock().schedule(() -> probe(request, registeredAt, hops, probes, pending), PROBE_EVERY_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The broker alone: {@code count} messages at {@code perSecond}, each carrying its send time, consumed as they come. */
    private Series bareBroker(int count, double perSecond) throws Exception {
        String topic = "bench.hop." + System.currentTimeMillis();
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrapServers());
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties consumerProps = new Properties();
        consumerProps.putAll(common);
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Properties producerProps = new Properties();
        producerProps.putAll(common);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Boolean> seen = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps);
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            consumer.poll(Duration.ofMillis(100));
            long period = (long) (1e9 / perSecond);
            long start = System.nanoTime();
            int sent = 0;
            long deadline = start + (long) (count / perSecond * 1e9) + PATIENCE.toNanos();
            while (seen.size() < count && System.nanoTime() < deadline) {
                while (sent < count && System.nanoTime() >= start + sent * period) {
                    producer.send(new ProducerRecord<>(topic, Integer.toString(sent), Long.toString(System.nanoTime())));
                    sent++;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(1))) {
                    long now = System.nanoTime();
                    if (seen.putIfAbsent(Integer.parseInt(record.key()), true) == null) {
                        samples.add(new Sample(Long.parseLong(record.value()), now, 200, null));
                    }
                }
            }
        }
        return new Series("bare broker produce → consume", samples);
    }
}
