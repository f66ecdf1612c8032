package io.hoithao.notifications.programme;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The programme changes gathered for one person at one event ({@code _id} is the event id and her email)
 * until {@code dueAt}, a short window after the first of them: ten sessions moved together are one mail.
 */
@Document("digests")
public record Digest(@Id String id, String eventId, String recipient, String name, List<Change> changes, Instant dueAt) {
}
