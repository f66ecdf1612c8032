package io.hoithao.notifications.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A one-entry iCalendar (RFC 5545) file: the event's days, or a lesson's time, for the recipient's calendar. */
final class Calendars {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private Calendars() {
    }

    /** All-day entry from {@code start} to {@code end} inclusive. */
    static byte[] days(String uid, String summary, LocalDate start, LocalDate end, Instant stamp) {
        return calendar(uid, summary, stamp, "DTSTART;VALUE=DATE:" + DATE.format(start),
                "DTEND;VALUE=DATE:" + DATE.format(end.plusDays(1)), null);
    }

    /** Timed entry, e.g. a demonstration lesson in its classroom. */
    static byte[] timed(String uid, String summary, Instant start, Instant end, String location, Instant stamp) {
        return calendar(uid, summary, stamp, "DTSTART:" + UTC.format(start), "DTEND:" + UTC.format(end), location);
    }

    private static byte[] calendar(String uid, String summary, Instant stamp, String start, String end, String location) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//hoithao//notifications//VI");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + escape(uid) + "@hoithao");
        line(ics, "DTSTAMP:" + UTC.format(stamp));
        line(ics, start);
        line(ics, end);
        line(ics, "SUMMARY:" + escape(summary));
        if (location != null) {
            line(ics, "LOCATION:" + escape(location));
        }
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets (never inside a UTF-8 sequence), ended by CRLF. */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 74) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
