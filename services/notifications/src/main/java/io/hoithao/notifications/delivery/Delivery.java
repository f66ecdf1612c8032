package io.hoithao.notifications.delivery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One mail to one person about one message: its id is the message's id and the recipient, so a
 * redelivered message finds it already written and sends nothing. Written, rendered, before the send;
 * its state says what became of it, and it is what the organisers' delivery log shows.
 */
@Document("deliveries")
public record Delivery(@Id String id, String eventId, String recipient, String kind, String language,
                       String subject, String text, String html, List<Attachment> attachments,
                       List<String> headers, DeliveryState state, int attempts, Instant nextAttemptAt,
                       String lastError, Instant createdAt, Instant sentAt) {

    public static String id(String messageKey, String recipient) {
        return messageKey + "|" + recipient;
    }
}
