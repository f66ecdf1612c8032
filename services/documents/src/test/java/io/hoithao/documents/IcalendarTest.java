package io.hoithao.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IcalendarTest {

    @Test
    void aCalendarHasItsHeaderAndItsEndEachLineEndedByCrlf() {
        String ics = Icalendar.publishedBy("web").line("X-WR-TIMEZONE:Asia/Ho_Chi_Minh").end();

        assertThat(ics).isEqualTo("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hoithao//web//VI\r\nCALSCALE:GREGORIAN\r\n"
                + "METHOD:PUBLISH\r\nX-WR-TIMEZONE:Asia/Ho_Chi_Minh\r\nEND:VCALENDAR\r\n");
    }

    @Test
    void linesAreFoldedAt75OctetsNeverInsideACharacter() {
        String exactly75 = "SUMMARY:" + "a".repeat(67);
        String longVietnamese = "SUMMARY:" + "Hội thảo chuyên đề đổi mới phương pháp dạy học ở trường mầm non ".repeat(4) + "🙂";
        String ics = Icalendar.publishedBy("notifications").line(exactly75).line(longVietnamese).end();

        assertThat(ics).contains("\r\n" + exactly75 + "\r\n");
        assertThat(ics).doesNotContain("\r\n" + longVietnamese + "\r\n");
        for (String physical : ics.split("\r\n")) {
            byte[] octets = physical.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as(physical).isLessThanOrEqualTo(75);
            assertThat(new String(octets, StandardCharsets.UTF_8)).doesNotContain("\uFFFD");
        }
        assertThat(ics.replace("\r\n ", "")).contains("\r\n" + exactly75 + "\r\n" + longVietnamese + "\r\n");
        assertThat(Icalendar.publishedBy("web").line("SUMMARY:" + "a".repeat(68)).end())
                .contains("SUMMARY:" + "a".repeat(67) + "\r\n a\r\n");
    }

    @Test
    void textValuesAreEscapedAndDatesWrittenAsTheStandardSays() {
        assertThat(Icalendar.text("Sở GD&ĐT; Bắc Kạn, C:\\tệp\r\nhai dòng")).isEqualTo("Sở GD&ĐT\\; Bắc Kạn\\, C:\\\\tệp\\nhai dòng");
        assertThat(Icalendar.UTC.format(Instant.parse("2026-03-12T01:30:00Z"))).isEqualTo("20260312T013000Z");
        assertThat(Icalendar.DATE.format(LocalDate.of(2026, 3, 12))).isEqualTo("20260312");
    }
}
