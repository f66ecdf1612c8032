package io.hoithao.events;

import static io.hoithao.events.Fixtures.hall;
import static io.hoithao.events.Fixtures.school;
import static io.hoithao.events.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.observations.LessonCancelled;
import io.hoithao.contracts.observations.LessonMoved;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.contracts.presentations.PaperAccepted;
import io.hoithao.contracts.presentations.PaperScheduled;
import io.hoithao.contracts.presentations.PaperUnscheduled;
import io.hoithao.contracts.presentations.PaperWithdrawn;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.events.event.EventView;
import io.hoithao.events.schedule.ProgrammeView;
import io.hoithao.events.schedule.ProgrammeView.Item;
import io.hoithao.events.session.SessionView;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestMessages;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

@IntegrationTest
class ProgrammeViewIT {

    static final String EMAIL = "nguyen.thi.hoa@mndongtam.edu.vn";
    static final String UNIT = "Trường Mầm non Đồng Tâm";

    @Autowired
    WebTestClient http;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    static UUID id() {
        return UUID.randomUUID();
    }

    RegistrationConfirmed confirmed(String eventId, String registrationId) {
        return new RegistrationConfirmed(id(), Instant.now(), eventId, registrationId, EMAIL, "Nguyễn Thị Hoà", UNIT, "TEACHER", "BK-7Q2M");
    }

    ProgrammeView programme(String eventId) {
        return http.get().uri("/api/events/" + eventId + "/programme").exchange().expectStatus().isOk()
                .expectBody(ProgrammeView.class).returnResult().getResponseBody();
    }

    @Test
    void theProgrammeIsEnrichedFromConsumedMessagesDespiteDuplicatesAndDisorder() {
        EventView event = Fixtures.createConference(http);
        String e = event.id();
        SessionView papers = Fixtures.scheduled(http, e,
                session("PRESENTATION", "Báo cáo tham luận của các đơn vị", "2026-10-25", "09:45", "11:15", hall(event).id()));
        Map<String, Object> lesson = new HashMap<>(session("DEMONSTRATION_LESSON", "Dự giờ tiết dạy minh họa", "2026-10-26",
                "08:00", "08:35", school(event).id()));
        SessionView lessons = Fixtures.scheduled(http, e, lesson);
        Instant lessonStart = Instant.parse("2026-10-26T01:00:00Z");
        Instant lessonEnd = Instant.parse("2026-10-26T01:35:00Z");

        // registrations: a duplicate delivery, a cancellation before its confirmation, a late waitlisting
        RegistrationConfirmed r1 = confirmed(e, "r1");
        messages.send(r1);
        messages.send(r1);
        messages.send(confirmed(e, "r2"));
        messages.send(new RegistrationWaitlisted(id(), Instant.now(), e, "r3", EMAIL, "Trần Văn Ba", UNIT, "TEACHER"));
        messages.send(new RegistrationCancelled(id(), Instant.now(), e, "r4", EMAIL, "bận công tác", true));
        messages.send(confirmed(e, "r4"));
        messages.send(confirmed(e, "r5"));
        messages.send(new RegistrationWaitlisted(id(), Instant.now(), e, "r5", EMAIL, "Lý Thị Năm", UNIT, "TEACHER"));
        messages.send(confirmed(e, "r6"));

        // observations: a booking before its lesson, a duplicate, stale revisions after newer ones
        SeatBooked booked2 = new SeatBooked(id(), Instant.now(), e, "lesson-1", "b2", "r2", EMAIL, 3, 2);
        messages.send(booked2);
        LessonScheduled scheduled = new LessonScheduled(id(), Instant.now(), e, "lesson-1", lessons.id(),
                "Khám phá: Cây xanh quanh bé – lớp MGL A1", "MGL A1", lessonStart, lessonEnd, 5);
        messages.send(scheduled);
        messages.send(scheduled);
        messages.send(new SeatBooked(id(), Instant.now(), e, "lesson-1", "b1", "r1", EMAIL, 4, 1));
        messages.send(new SeatReleased(id(), Instant.now(), e, "lesson-1", "b2", "r2", 4, "đổi lịch", 3));
        messages.send(booked2);
        messages.send(new LessonScheduled(id(), Instant.now(), e, "lesson-2", null,
                "Tạo hình: Làm đồ chơi từ lá – lớp MGN B2", "MGN B2", lessonStart, lessonEnd, 6));

        // presentations: acceptance after scheduling, withdrawal before scheduling, stale placement
        List<String> presenters = List.of("Hoàng Thị Thu");
        messages.send(new PaperScheduled(id(), Instant.now(), e, "p1", papers.id(), "Kinh nghiệm xây dựng môi trường lấy trẻ làm trung tâm",
                "Trường Mầm non Đồng Tâm", presenters, 1, 15, 2));
        messages.send(new PaperAccepted(id(), Instant.now(), e, "p1", "Kinh nghiệm xây dựng môi trường lấy trẻ làm trung tâm",
                "Trường Mầm non Đồng Tâm", presenters));
        messages.send(new PaperWithdrawn(id(), Instant.now(), e, "p2"));
        messages.send(new PaperScheduled(id(), Instant.now(), e, "p2", papers.id(), "Bài rút", "Trường Mầm non Yên Đĩnh",
                presenters, 3, 10, 2));
        messages.send(new PaperScheduled(id(), Instant.now(), e, "p4", papers.id(), "Phối hợp với cha mẹ trẻ",
                "Phòng GD&ĐT Chợ Mới", List.of("Lê Văn Tư"), 2, 15, 3));
        messages.send(new PaperScheduled(id(), Instant.now(), e, "p4", papers.id(), "Phối hợp với cha mẹ trẻ",
                "Phòng GD&ĐT Chợ Mới", List.of("Lê Văn Tư"), 9, 15, 1));
        messages.send(new PaperAccepted(id(), Instant.now(), e, "p3", "Ứng dụng công nghệ thông tin", "Trường Mầm non Thanh Mai",
                List.of("Đặng Thị Sáu")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ProgrammeView view = programme(e);
            assertThat(view.registrations()).isEqualTo(new ProgrammeView.Registrations(120, 4, 1, 1, 116));
            assertThat(view.days()).extracting(ProgrammeView.Day::date).extracting(Object::toString)
                    .containsExactly("2026-10-25", "2026-10-26");
            Item presentation = view.days().get(0).sessions().get(0);
            assertThat(presentation.session().id()).isEqualTo(papers.id());
            assertThat(presentation.papers()).extracting(ProgrammeView.Paper::paperId).containsExactly("p1", "p4");
            assertThat(presentation.papers().get(0).presenters()).containsExactly("Hoàng Thị Thu");
            assertThat(presentation.papers().get(1).position()).isEqualTo(2);
            assertThat(view.acceptedPapers()).extracting(ProgrammeView.Paper::paperId).containsExactly("p3");
            Item demonstration = view.days().get(1).sessions().get(0);
            assertThat(demonstration.lessons()).extracting(ProgrammeView.Lesson::lessonId).containsExactly("lesson-1", "lesson-2");
            assertThat(demonstration.lessons().get(0).seats()).isEqualTo(5);
            assertThat(demonstration.lessons().get(0).seatsLeft()).isEqualTo(4);
            assertThat(demonstration.lessons().get(1).seatsLeft()).isEqualTo(6);
            assertThat(view.otherLessons()).isEmpty();
        });
    }

    @Test
    void unplacedPapersAndMovedOrCancelledLessonsFollowTheirProducers() {
        EventView event = Fixtures.createConference(http);
        String e = event.id();
        SessionView papers = Fixtures.scheduled(http, e,
                session("PRESENTATION", "Báo cáo tham luận", "2026-10-25", "09:45", "11:15", hall(event).id()));
        SessionView lessons = Fixtures.scheduled(http, e,
                session("DEMONSTRATION_LESSON", "Dự giờ", "2026-10-26", "08:00", "10:00", school(event).id()));
        List<String> presenters = List.of("Hoàng Thị Thu");

        messages.send(new PaperAccepted(id(), Instant.now(), e, "p1", "Góc thiên nhiên", UNIT, presenters));
        messages.send(new PaperScheduled(id(), Instant.now(), e, "p1", papers.id(), "Góc thiên nhiên", UNIT, presenters, 1, 15, 3));
        messages.send(new PaperUnscheduled(id(), Instant.now(), e, "p1", papers.id(), "SESSION_CANCELLED", 4));
        messages.send(new PaperScheduled(id(), Instant.now(), e, "p1", papers.id(), "Góc thiên nhiên", UNIT, presenters, 1, 15, 2));

        Instant start = Instant.parse("2026-10-26T01:00:00Z");
        messages.send(new LessonScheduled(id(), Instant.now(), e, "moved", lessons.id(), "Khám phá nước", "MGL A1",
                start, start.plusSeconds(35 * 60), 8));
        messages.send(new LessonMoved(id(), Instant.now(), e, "moved", start.plusSeconds(3600), start.plusSeconds(3600 + 35 * 60), 5));
        messages.send(new LessonMoved(id(), Instant.now(), e, "moved", start.plusSeconds(1800), start.plusSeconds(1800 + 35 * 60), 4));
        messages.send(new LessonScheduled(id(), Instant.now(), e, "dropped", lessons.id(), "Tạo hình", "MGN B2",
                start, start.plusSeconds(35 * 60), 8));
        messages.send(new LessonCancelled(id(), Instant.now(), e, "dropped", "giáo viên ốm", 2));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ProgrammeView view = programme(e);
            assertThat(view.days().get(0).sessions().get(0).papers()).isEmpty();
            assertThat(view.acceptedPapers()).extracting(ProgrammeView.Paper::paperId).containsExactly("p1");
            List<ProgrammeView.Lesson> held = view.days().get(1).sessions().get(0).lessons();
            assertThat(held).extracting(ProgrammeView.Lesson::lessonId).containsExactly("moved");
            assertThat(held.get(0).startsAt().toInstant()).isEqualTo(start.plusSeconds(3600));
        });
    }

    @Test
    void seatsLeftFollowTheAnnouncedSeatsUntilABookingTellsOtherwise() {
        EventView event = Fixtures.createConference(http);
        String e = event.id();
        SessionView lessons = Fixtures.scheduled(http, e,
                session("DEMONSTRATION_LESSON", "Dự giờ", "2026-10-26", "08:00", "10:00", school(event).id()));
        Instant start = Instant.parse("2026-10-26T01:00:00Z");
        for (String lessonId : List.of("quiet", "booked")) {
            // set up with the default seats, then given 12 by the organiser
            messages.send(new LessonScheduled(id(), Instant.now(), e, lessonId, lessons.id(), "Tiết " + lessonId, "MGL " + lessonId,
                    start, start.plusSeconds(35 * 60), 8));
            messages.send(new LessonScheduled(id(), Instant.now(), e, lessonId, lessons.id(), "Tiết " + lessonId, "MGL " + lessonId,
                    start, start.plusSeconds(35 * 60), 12));
        }
        messages.send(new SeatBooked(id(), Instant.now(), e, "booked", "b1", "r1", EMAIL, 11, 3));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ProgrammeView.Lesson> held = programme(e).days().stream().filter(d -> d.date().toString().equals("2026-10-26"))
                    .flatMap(d -> d.sessions().stream()).flatMap(item -> item.lessons().stream()).toList();
            assertThat(held).extracting(ProgrammeView.Lesson::lessonId, ProgrammeView.Lesson::seats, ProgrammeView.Lesson::seatsLeft)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("quiet", 12, 12),
                            org.assertj.core.groups.Tuple.tuple("booked", 12, 11));
        });
    }

    @Test
    void theProgrammeShowsTheEventsOfficialsWithTheirRoles() {
        EventView event = Fixtures.createConference(http);
        http.patch().uri("/api/events/{id}", event.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("officials", List.of(
                        Map.of("name", "Hà Văn Chủ", "position", "Trưởng phòng", "unit", "Phòng GDMN", "role", "CHAIRING"),
                        Map.of("name", "Nguyễn Văn An", "position", "Phó Giám đốc", "unit", "Sở GD&ĐT Bắc Kạn", "role", "DIRECTING"))))
                .exchange().expectStatus().is2xxSuccessful();

        ProgrammeView view = programme(event.id());
        assertThat(view.officials()).extracting(o -> o.name(), o -> o.role().name())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Nguyễn Văn An", "DIRECTING"),
                        org.assertj.core.groups.Tuple.tuple("Hà Văn Chủ", "CHAIRING"));
        assertThat(view.officials().get(0).position()).isEqualTo("Phó Giám đốc");
    }

    @Test
    void theLiveStreamDeliversProgrammeChanges() {
        EventView event = Fixtures.createConference(http);
        String e = event.id();
        Flux<ServerSentEvent<String>> stream = http.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/api/events/" + e + "/programme/changes").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody()
                .filter(sse -> sse.event() != null);

        StepVerifier.create(stream)
                .expectNextMatches(sse -> "ready".equals(sse.event()))
                .then(() -> Fixtures.scheduled(http, e,
                        session("OPENING", "Khai mạc", "2026-10-25", "07:30", "08:00", hall(event).id())))
                .expectNextMatches(sse -> "programme-change".equals(sse.event()) && sse.data().contains("\"SessionScheduled\""))
                .then(() -> messages.send(confirmed(e, "r-live")))
                .expectNextMatches(sse -> "programme-change".equals(sse.event())
                        && sse.data().contains("\"RegistrationConfirmed\"") && sse.data().contains("r-live"))
                .thenCancel()
                .verify(Duration.ofSeconds(60));

        http.get().uri("/api/events/no-such-event/programme/changes").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theCalendarHasOneEntryPerSessionAtTheRightTimesAndMovedSessionsKeepTheirUid() throws Exception {
        EventView event = Fixtures.createConference(http);
        String e = event.id();
        SessionView opening = Fixtures.scheduled(http, e, session("OPENING", "Khai mạc", "2026-10-25", "07:30", "08:00", hall(event).id()));
        Fixtures.scheduled(http, e, session("CLOSING", "Bế mạc", "2026-10-26", "16:00", "16:30", hall(event).id()));

        List<VEvent> before = vevents(e);
        assertThat(before).hasSize(2);
        assertThat(before.get(0).getRequiredProperty(Property.UID).getValue()).isEqualTo(opening.id() + "@events.hoithao.io");
        assertThat(start(before.get(0))).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(start(before.get(1))).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));

        http.post().uri("/api/events/" + e + "/sessions/" + opening.id() + "/move").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", "2026-10-25", "start", "08:00", "end", "08:30")).exchange().expectStatus().isOk();
        List<VEvent> after = vevents(e);
        assertThat(after.get(0).getRequiredProperty(Property.UID).getValue()).isEqualTo(opening.id() + "@events.hoithao.io");
        assertThat(after.get(0).getRequiredProperty(Property.SEQUENCE).getValue()).isEqualTo("1");
        assertThat(start(after.get(0))).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
    }

    List<VEvent> vevents(String eventId) throws Exception {
        String ics = http.get().uri("/api/events/" + eventId + "/programme.ics").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar")
                .expectBody(String.class).returnResult().getResponseBody();
        return new CalendarBuilder().build(new StringReader(ics)).getComponents(Component.VEVENT);
    }

    static Instant start(VEvent vevent) {
        return ((ZonedDateTime) ((DateProperty<?>) vevent.getRequiredProperty(Property.DTSTART)).getDate()).toInstant();
    }
}
