package io.hoithao.notifications.person;

import io.hoithao.platform.events.EventCopy;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a mail says about an event (and who may read its delivery log), from the events topic; {@code cancelled} once
 * it is. {@code organiserUnitId} is the organising unit's id in the units directory (who manages the event: null
 * until an {@code EventPublished} has told it), {@code organiserUnit} its name for display, kept current from the
 * units topic.
 */
@Document("events")
public record KnownEvent(@Id String eventId, String title, String organiserUnit, LocalDate startDate,
                         LocalDate endDate, String timeZone, Boolean cancelled, String organiserUnitId) implements EventCopy {
}
