package io.hoithao.documents;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar (RFC 5545) text, written one content line at a time: each line folded at 75 octets (never inside a
 * UTF-8 character) and ended by CRLF. The services that hand out calendar entries (the web site's feeds, the mails'
 * attachments) write their entries with it.
 */
public final class Icalendar {

    /** A date-time in UTC ({@code DTSTART:20260312T010000Z}). */
    public static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** A date, for whole-day entries ({@code DTSTART;VALUE=DATE:20260312}). */
    public static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private static final int LINE_OCTETS = 75;

    private final StringBuilder text = new StringBuilder();

    private Icalendar() {
    }

    /** A calendar published by this part of the suite ({@code PRODID:-//hoithao//<product>//VI}), its header written. */
    public static Icalendar publishedBy(String product) {
        return new Icalendar().line("BEGIN:VCALENDAR").line("VERSION:2.0").line("PRODID:-//hoithao//" + product + "//VI")
                .line("CALSCALE:GREGORIAN").line("METHOD:PUBLISH");
    }

    /** A value of type TEXT: backslashes, semicolons, commas and line ends escaped (a carriage return dropped). */
    public static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
    }

    /** Appends a content line, folded at 75 octets. */
    public Icalendar line(String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (octets + size > LINE_OCTETS) {
                text.append("\r\n ");
                octets = 1;
            }
            text.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        text.append("\r\n");
        return this;
    }

    /** The whole text, the calendar ended. */
    public String end() {
        line("END:VCALENDAR");
        return text.toString();
    }
}
