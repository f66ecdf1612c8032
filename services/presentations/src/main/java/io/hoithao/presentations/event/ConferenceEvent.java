package io.hoithao.presentations.event;

import io.hoithao.platform.events.EventCopy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event papers may be submitted to, as learnt from the events service's messages, with the call
 * for papers its organisers open here ({@code callForPapers} is null until they do). {@code organiserUnitId}
 * (the organising unit's id in the units directory) comes from {@code EventPublished}: while this service has not
 * learnt it, only an administrator manages the event here. {@code organiserUnit} is its name for display, kept
 * current from the units topic.
 */
@Document("conference_events")
public record ConferenceEvent(
        @Id String id,
        String title,
        String organiserUnit,
        String organiserUnitId,
        LocalDate startDate,
        LocalDate endDate,
        String timeZone,
        Boolean cancelled,
        CallForPapers callForPapers) implements EventCopy {

    /** An event first learnt from a message other than its publication may lack {@code cancelled}: not cancelled. */
    public ConferenceEvent {
        cancelled = Boolean.TRUE.equals(cancelled);
    }

    public ZoneId zone() {
        return timeZone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : ZoneId.of(timeZone);
    }

    /** The submission window {@code [opensAt, closesAt)}, the topics offered (any if empty) and the longest slot a unit may ask for. */
    public record CallForPapers(Instant opensAt, Instant closesAt, List<String> topics, int maxMinutes) {

        public boolean openAt(Instant now) {
            return !now.isBefore(opensAt) && now.isBefore(closesAt);
        }
    }
}
