package io.hoithao.events.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.events.event.Event;
import io.hoithao.events.event.EventKind;
import io.hoithao.events.event.EventLevel;
import io.hoithao.events.event.EventStatus;
import io.hoithao.events.event.Venue;
import io.hoithao.events.event.VenueKind;
import io.hoithao.events.session.Session;
import io.hoithao.events.session.SessionStatus;
import io.hoithao.events.session.SessionType;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;

class CalendarExportTest {

    static final LocalDate DAY1 = LocalDate.of(2026, 10, 25);
    static final Venue HALL = new Venue("hall", "Hội trường UBND huyện Chợ Mới", VenueKind.HALL, "Thị trấn Đồng Tâm, Chợ Mới, Bắc Kạn", List.of());
    static final Venue SCHOOL = new Venue("dong-tam", "Trường Mầm non Đồng Tâm", VenueKind.HOST_SCHOOL, "Chợ Mới, Bắc Kạn", List.of("MGL A1"));

    static Event event(List<Session> sessions) {
        return new Event("evt-1", null, "Hội nghị sơ kết chuyên đề", null, EventKind.CONFERENCE, EventLevel.PROVINCE,
                "so-gd-dt-bac-kan", "Sở GD&ĐT Bắc Kạn", DAY1, DAY1.plusDays(1), "Asia/Ho_Chi_Minh", 120, null, null, List.of(HALL, SCHOOL),
                List.of(), sessions, EventStatus.PUBLISHED, null, 3, List.of(), Instant.parse("2026-09-01T00:00:00Z"),
                Instant.parse("2026-09-02T00:00:00Z"));
    }

    static Session session(String id, String title, LocalDate date, String start, String end, String venue, String classroom,
                           SessionStatus status, int sequence) {
        return new Session(id, SessionType.PLENARY, title, null, date, LocalTime.parse(start), LocalTime.parse(end), venue,
                classroom, "Nguyễn Văn An", List.of("Lê Thị Bình"), status, sequence, null);
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static Instant instant(VEvent vevent, String property) throws Exception {
        Temporal date = ((DateProperty<?>) vevent.getRequiredProperty(property)).getDate();
        return ((ZonedDateTime) date).toInstant();
    }

    @Test
    void oneVeventPerSessionAtTheRightInstantsInTheEventsZone() throws Exception {
        String ics = new CalendarExport().render(event(List.of(
                session("s-open", "Khai mạc", DAY1, "07:30", "08:00", "hall", null, SessionStatus.SCHEDULED, 0),
                session("s-lesson", "Dự giờ hoạt động khám phá", DAY1.plusDays(1), "08:00", "08:35", "dong-tam", "MGL A1",
                        SessionStatus.SCHEDULED, 2),
                session("s-old", "Thảo luận", DAY1, "14:00", "15:00", "hall", null, SessionStatus.CANCELLED, 1))));

        Calendar calendar = parse(ics);
        List<VEvent> vevents = calendar.getComponents(Component.VEVENT);
        assertThat(vevents).hasSize(3);
        assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
        assertThat(ics).contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20261025T073000");

        VEvent opening = vevents.get(0);
        assertThat(opening.getRequiredProperty(Property.UID).getValue()).isEqualTo("s-open@events.hoithao.io");
        assertThat(opening.getRequiredProperty(Property.SUMMARY).getValue()).isEqualTo("Khai mạc");
        // 07:30 in Hà Nội (UTC+7) is 00:30 UTC
        assertThat(instant(opening, Property.DTSTART)).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(instant(opening, Property.DTEND)).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
        assertThat(opening.getRequiredProperty(Property.STATUS).getValue()).isEqualTo("CONFIRMED");

        VEvent cancelled = vevents.get(1);
        assertThat(cancelled.getRequiredProperty(Property.UID).getValue()).isEqualTo("s-old@events.hoithao.io");
        assertThat(cancelled.getRequiredProperty(Property.STATUS).getValue()).isEqualTo("CANCELLED");

        VEvent lesson = vevents.get(2);
        assertThat(instant(lesson, Property.DTSTART)).isEqualTo(Instant.parse("2026-10-26T01:00:00Z"));
        assertThat(lesson.getRequiredProperty(Property.LOCATION).getValue())
                .isEqualTo("MGL A1, Trường Mầm non Đồng Tâm, Chợ Mới, Bắc Kạn");
        assertThat(lesson.getRequiredProperty(Property.SEQUENCE).getValue()).isEqualTo("2");
        assertThat(lesson.getRequiredProperty(Property.DESCRIPTION).getValue()).contains("Chủ trì: Nguyễn Văn An");
    }
}
