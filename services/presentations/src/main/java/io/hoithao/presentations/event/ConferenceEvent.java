package io.hoithao.presentations.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event papers may be submitted to, as learnt from the events service's messages, with the call
 * for papers its organisers open here ({@code callForPapers} is null until they do). {@code organiserUnit}
 * comes from {@code EventPublished}: null until this service has learnt it, and then only an
 * administrator manages the event here.
 */
@Document("conference_events")
public record ConferenceEvent(
        @Id String id,
        String title,
        String organiserUnit,
        LocalDate startDate,
        LocalDate endDate,
        String timeZone,
        Boolean cancelled,
        CallForPapers callForPapers) {

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
