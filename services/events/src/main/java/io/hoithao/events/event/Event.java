package io.hoithao.events.event;

import io.hoithao.platform.outbox.OutboxEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event as stored: its details, lifecycle state, a version incremented by every change, and the
 * outbox of messages its changes produced that are not yet published.
 */
@Document("events")
public record Event(
        @Id String id,
        String title,
        String description,
        EventKind kind,
        EventLevel level,
        String organiserUnit,
        LocalDate startDate,
        LocalDate endDate,
        String timeZone,
        int capacity,
        Instant registrationClosesAt,
        EventStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<OutboxEntry> outbox) {
}
