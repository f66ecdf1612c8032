package io.hoithao.presentations.event;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An event papers may be submitted to, as learnt from the events service's messages. */
@Document("conference_events")
public record ConferenceEvent(
        @Id String id,
        String title,
        String organiserUnit,
        LocalDate startDate,
        LocalDate endDate,
        String timeZone,
        boolean cancelled) {
}
