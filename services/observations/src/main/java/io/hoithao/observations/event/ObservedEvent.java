package io.hoithao.observations.event;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What this service knows of a conference event's state, from the events topic: forms close when it completes. */
@Document("events")
public record ObservedEvent(@Id String eventId, boolean cancelled, boolean completed, Instant updatedAt) {
}
