package io.hoithao.identity.mail;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.MessageCodec;
import io.hoithao.contracts.Topics;
import io.hoithao.identity.user.UserAccount;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The identity service's outbox relay: the same pattern as the other services' (platform {@code OutboxRelay}),
 * in this servlet service's blocking style. Every {@code hoithao.identity.outbox.interval} it publishes each
 * entry waiting in a user's {@code outbox} to Kafka with the CloudEvents headers, and removes it only after
 * the broker acknowledged it; while the broker is away entries wait. At least once: a crash between the
 * acknowledgement and the removal publishes an entry again, and the consumer ignores it by message id.
 * One relay at a time per instance; a second instance may publish an entry twice, never lose it.
 */
@Component
public class IdentityOutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(IdentityOutboxRelay.class);

    public static final String FIELD = "outbox";
    static final String SOURCE = "/hoithao/identity";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    /** A message waiting in a user's outbox, encoded as it will travel. */
    public record Entry(String messageId, String type, String topic, String key, Instant occurredAt, String payload) {

        public static Entry of(IntegrationMessage message) {
            MessageCodec codec = MessageCodec.instance();
            return new Entry(message.messageId().toString(), codec.typeName(message), Topics.of(message.getClass()),
                    message.eventId(), message.occurredAt(), codec.encodeToString(message));
        }
    }

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;

    IdentityOutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> identityKafkaTemplate) {
        this.mongo = mongo;
        this.kafka = identityKafkaTemplate;
    }

    /** Publishes every waiting entry; returns how many were published. */
    @Scheduled(fixedDelayString = "${hoithao.identity.outbox.interval:1s}")
    public synchronized int publish() {
        Query pending = Query.query(Criteria.where(FIELD + ".0").exists(true));
        pending.fields().include("_id").include(FIELD);
        int published = 0;
        for (Document user : mongo.find(pending, Document.class, UserAccount.COLLECTION)) {
            for (Document entry : user.getList(FIELD, Document.class, List.of())) {
                try {
                    send(entry);
                } catch (Exception e) {
                    log.warn("Identity outbox: {} {} left for the next pass: {}", entry.getString("type"),
                            entry.getString("messageId"), e.toString());
                    return published; // later entries wait, so that none overtakes an earlier one
                }
                mongo.updateFirst(Query.query(Criteria.where("_id").is(user.get("_id"))),
                        new Update().pull(FIELD, new Document("messageId", entry.getString("messageId"))),
                        UserAccount.COLLECTION);
                published++;
            }
        }
        return published;
    }

    private void send(Document entry) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(entry.getString("topic"), entry.getString("key"),
                entry.getString("payload").getBytes(StandardCharsets.UTF_8));
        Object occurredAt = entry.get("occurredAt");
        Instant time = occurredAt instanceof Date date ? date.toInstant() : (Instant) occurredAt;
        Headers headers = record.headers();
        header(headers, "ce_id", entry.getString("messageId"));
        header(headers, "ce_type", entry.getString("type"));
        header(headers, "ce_source", SOURCE);
        header(headers, "ce_time", time.toString());
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_subject", entry.getString("key"));
        header(headers, "content-type", "application/json");
        kafka.send(record).get(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
