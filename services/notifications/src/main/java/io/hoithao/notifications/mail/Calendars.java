package io.hoithao.notifications.mail;

import io.hoithao.documents.Icalendar;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/** A one-entry iCalendar (RFC 5545) file: the event's days, or a lesson's time, for the recipient's calendar. */
final class Calendars {

    private Calendars() {
    }

    /** All-day entry from {@code start} to {@code end} inclusive. */
    static byte[] days(String uid, String summary, LocalDate start, LocalDate end, Instant stamp) {
        return calendar(uid, summary, stamp, "DTSTART;VALUE=DATE:" + Icalendar.DATE.format(start),
                "DTEND;VALUE=DATE:" + Icalendar.DATE.format(end.plusDays(1)), null);
    }

    /** Timed entry, e.g. a demonstration lesson in its classroom. */
    static byte[] timed(String uid, String summary, Instant start, Instant end, String location, Instant stamp) {
        return calendar(uid, summary, stamp, "DTSTART:" + Icalendar.UTC.format(start), "DTEND:" + Icalendar.UTC.format(end), location);
    }

    private static byte[] calendar(String uid, String summary, Instant stamp, String start, String end, String location) {
        Icalendar ics = Icalendar.publishedBy("notifications")
                .line("BEGIN:VEVENT")
                .line("UID:" + Icalendar.text(uid) + "@hoithao")
                .line("DTSTAMP:" + Icalendar.UTC.format(stamp))
                .line(start)
                .line(end)
                .line("SUMMARY:" + Icalendar.text(summary));
        if (location != null) {
            ics.line("LOCATION:" + Icalendar.text(location));
        }
        return ics.line("END:VEVENT").end().getBytes(StandardCharsets.UTF_8);
    }
}
