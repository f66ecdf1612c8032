package io.hoithao.observations.event;

import io.hoithao.platform.events.EventCopy;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of a conference event, from the events topic: the unit that organises it, by id in
 * the units directory (from {@code EventPublished}; null until then, when only an administrator manages the event
 * here) and by name for display (kept current from the units topic), and whether it was cancelled (no new lessons)
 * or completed (forms close).
 */
@Document("events")
public record ObservedEvent(@Id String eventId, String organiserUnit, String organiserUnitId, boolean cancelled, boolean completed,
                            Instant updatedAt) implements EventCopy {
}
