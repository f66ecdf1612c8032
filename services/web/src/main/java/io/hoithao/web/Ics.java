package io.hoithao.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The iCalendar (RFC 5545) text of her programme: events as whole days, lessons and placed papers at their times (UTC). */
final class Ics {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Ics() {
    }

    static String of(String calendarName, List<ProgrammePages.Entry> entries, Instant now) {
        StringBuilder s = new StringBuilder();
        line(s, "BEGIN:VCALENDAR");
        line(s, "VERSION:2.0");
        line(s, "PRODID:-//hoithao//web//VI");
        line(s, "CALSCALE:GREGORIAN");
        line(s, "METHOD:PUBLISH");
        line(s, "X-WR-CALNAME:" + text(calendarName));
        line(s, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
        for (ProgrammePages.Entry e : entries) {
            if (e.date() == null && e.start() == null) {
                continue;
            }
            line(s, "BEGIN:VEVENT");
            line(s, "UID:" + e.kind().toLowerCase() + "-" + e.id() + "@hoithao");
            line(s, "DTSTAMP:" + UTC.format(now));
            if (e.start() != null) {
                line(s, "DTSTART:" + UTC.format(e.start().toInstant()));
                line(s, "DTEND:" + UTC.format((e.end() == null ? e.start() : e.end()).toInstant()));
            } else {
                LocalDate last = e.lastDate() == null ? e.date() : e.lastDate();
                line(s, "DTSTART;VALUE=DATE:" + DAY.format(e.date()));
                line(s, "DTEND;VALUE=DATE:" + DAY.format(last.plusDays(1)));
            }
            line(s, "SUMMARY:" + text(e.title()));
            if (e.where() != null) {
                line(s, "LOCATION:" + text(e.where()));
            }
            if (e.statusText() != null) {
                line(s, "DESCRIPTION:" + text(e.statusText()));
            }
            line(s, "STATUS:" + status(e));
            line(s, "END:VEVENT");
        }
        line(s, "END:VCALENDAR");
        return s.toString();
    }

    /** Cancelled; tentative while she waits, awaits approval or her paper is not accepted yet; else confirmed. */
    private static String status(ProgrammePages.Entry e) {
        if ("CANCELLED".equals(e.status())) {
            return "CANCELLED";
        }
        boolean tentative = "WAITLISTED".equals(e.status()) || "AWAITING_APPROVAL".equals(e.status()) || "PENDING".equals(e.status())
                || "PAPER".equals(e.kind()) && !"ACCEPTED".equals(e.status());
        return tentative ? "TENTATIVE" : "CONFIRMED";
    }

    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
    }

    /** A content line, folded at 75 octets (never inside a UTF-8 character), ended with CRLF. */
    private static void line(StringBuilder s, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + size > 75) {
                s.append("\r\n ");
                octets = 1;
            }
            s.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        s.append("\r\n");
    }
}
