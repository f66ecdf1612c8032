package io.hoithao.web;

import io.hoithao.documents.Icalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The iCalendar (RFC 5545) text of her programme: events as whole days, lessons and placed papers at their times (UTC). */
final class Ics {

    private Ics() {
    }

    static String of(String calendarName, List<ProgrammePages.Entry> entries, Instant now) {
        Icalendar ics = Icalendar.publishedBy("web")
                .line("X-WR-CALNAME:" + Icalendar.text(calendarName))
                .line("X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
        for (ProgrammePages.Entry e : entries) {
            if (e.date() == null && e.start() == null) {
                continue;
            }
            ics.line("BEGIN:VEVENT");
            ics.line("UID:" + e.kind().toLowerCase() + "-" + e.id() + "@hoithao");
            ics.line("DTSTAMP:" + Icalendar.UTC.format(now));
            if (e.start() != null) {
                ics.line("DTSTART:" + Icalendar.UTC.format(e.start().toInstant()));
                ics.line("DTEND:" + Icalendar.UTC.format((e.end() == null ? e.start() : e.end()).toInstant()));
            } else {
                LocalDate last = e.lastDate() == null ? e.date() : e.lastDate();
                ics.line("DTSTART;VALUE=DATE:" + Icalendar.DATE.format(e.date()));
                ics.line("DTEND;VALUE=DATE:" + Icalendar.DATE.format(last.plusDays(1)));
            }
            ics.line("SUMMARY:" + Icalendar.text(e.title()));
            if (e.where() != null) {
                ics.line("LOCATION:" + Icalendar.text(e.where()));
            }
            if (e.statusText() != null) {
                ics.line("DESCRIPTION:" + Icalendar.text(e.statusText()));
            }
            ics.line("STATUS:" + status(e));
            ics.line("END:VEVENT");
        }
        return ics.end();
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
}
