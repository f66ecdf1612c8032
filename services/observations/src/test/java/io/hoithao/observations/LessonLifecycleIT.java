package io.hoithao.observations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.observations.LessonCancelled;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.contracts.observations.WaitlistLeft;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The end of lessons and their changes: EventCancelled from Kafka, the organiser's details and cancellation. */
@IntegrationTest
class LessonLifecycleIT {

    private static final String PROBLEMS = "https://hoithao.io/problems/";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();
    Fixtures fixtures;

    @BeforeEach
    void event() {
        fixtures = new Fixtures(http, mongo);
    }

    @Test
    void aCancelledEventCancelsItsLessonsReleasesEveryPlaceAndRefusesFurtherBookings() {
        TestMessages.Subscription published = messages.subscribe(Topics.OBSERVATIONS);
        String small = fixtures.createLesson("Khám phá: Vật chìm vật nổi", "A1", "2026-11-05T08:00:00+07:00", "2026-11-05T08:45:00+07:00", 1);
        String large = fixtures.createLesson("Âm nhạc: Cháu yêu bà", "B1", "2026-11-05T09:00:00+07:00", "2026-11-05T09:45:00+07:00", 4);
        String seated = fixtures.observer("Nguyễn Thị Thu");
        String waiting = fixtures.observer("Phạm Văn Nam");
        String late = fixtures.observer("Lê Thị Hạnh");
        fixtures.booked(small, seated);
        fixtures.booked(large, seated);
        fixtures.book(small, waiting).expectStatus().isEqualTo(HttpStatus.ACCEPTED);
        // Another event's lesson at the same time is not touched.
        Fixtures otherEvent = new Fixtures(http, mongo);
        String untouched = otherEvent.createLesson("Văn học: Truyện Tích Chu", "A1", "2026-11-05T08:00:00+07:00", "2026-11-05T08:45:00+07:00", 2);
        String otherObserver = otherEvent.observer("Trần Thị Mai");
        otherEvent.booked(untouched, otherObserver);

        messages.send(new EventCancelled(UUID.randomUUID(), Instant.now(), fixtures.eventId, "Bão số 9"));

        Scenario.eventually(() -> http.get()
                .uri("/api/observations/events/{e}/lessons", fixtures.eventId).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].status").isEqualTo("CANCELLED")
                .jsonPath("$.items[1].status").isEqualTo("CANCELLED"));
        for (String lesson : List.of(small, large)) {
            http.get().uri("/api/observations/lessons/{l}/observers", lesson).exchange()
                    .expectBody().jsonPath("$.booked.length()").isEqualTo(0).jsonPath("$.waiting.length()").isEqualTo(0);
        }
        schedule(fixtures, seated).jsonPath("$.length()").isEqualTo(0);
        schedule(fixtures, waiting).jsonPath("$.length()").isEqualTo(0);
        // Their time is free again: no slot is left in their schedules.
        Scenario.eventually(() -> {
            assertThat(slots(seated)).isEmpty();
            assertThat(slots(waiting)).isEmpty();
        });
        assertThat(slots(otherObserver)).containsExactly(untouched);
        Scenario.eventually(() -> {
            List<IntegrationMessage> mine = distinct(published.messages()).stream().filter(m -> m.eventId().equals(fixtures.eventId)).toList();
            assertThat(mine).filteredOn(LessonCancelled.class::isInstance).map(LessonCancelled.class::cast)
                    .extracting(LessonCancelled::lessonId, LessonCancelled::reason)
                    .containsExactlyInAnyOrder(Tuple.tuple(small, "Bão số 9"),
                            Tuple.tuple(large, "Bão số 9"));
            assertThat(mine).filteredOn(SeatReleased.class::isInstance).map(SeatReleased.class::cast)
                    .extracting(SeatReleased::lessonId, SeatReleased::registrationId)
                    .containsExactlyInAnyOrder(Tuple.tuple(small, seated),
                            Tuple.tuple(large, seated));
            assertThat(mine).filteredOn(WaitlistLeft.class::isInstance).map(WaitlistLeft.class::cast)
                    .extracting(WaitlistLeft::lessonId, WaitlistLeft::registrationId)
                    .containsExactly(Tuple.tuple(small, waiting));
            // Nobody was promoted into a seat of a cancelled lesson.
            assertThat(mine).filteredOn(SeatBooked.class::isInstance).map(SeatBooked.class::cast)
                    .extracting(SeatBooked::registrationId).doesNotContain(waiting);
        });

        for (String lesson : List.of(small, large)) {
            fixtures.book(lesson, late).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "lesson-not-bookable")
                    .jsonPath("$.status").isEqualTo("CANCELLED");
        }
        fixtures.book(large, waiting).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "lesson-not-bookable");
        http.get().uri("/api/observations/lessons/{l}", untouched).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("SCHEDULED").jsonPath("$.seatsLeft").isEqualTo(1);
        // A cancelled event takes no new lessons.
        http.post().uri("/api/observations/events/{e}/lessons", fixtures.eventId)
                .bodyValue(fixtures.lesson("Khám phá: Cầu vồng", "C1", "2026-11-05T15:00:00+07:00", "2026-11-05T15:40:00+07:00", 4))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "event-cancelled");
    }

    @Test
    void detailsAreValidatedFieldByField() {
        String lesson = fixtures.createLesson("Tạo hình: Vẽ hoa", "A2", "2026-11-05T08:00:00+07:00", "2026-11-05T08:45:00+07:00", 4);
        Map<String, Object> details = details("  ", 0);
        details.remove("ageGroup");

        http.put().uri("/api/observations/lessons/{l}/details", lesson).bodyValue(details).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation")
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[0].field").isEqualTo("ageGroup")
                .jsonPath("$.errors[1].field").isEqualTo("classroom")
                .jsonPath("$.errors[2].field").isEqualTo("seats");
        http.put().uri("/api/observations/lessons/{l}/details", lesson).bodyValue(details("A2", 31)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(1).jsonPath("$.errors[0].field").isEqualTo("seats");
        http.put().uri("/api/observations/lessons/{l}/details", "les-missing").bodyValue(details("A2", 4)).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/observations/lessons/{l}", lesson).exchange()
                .expectBody().jsonPath("$.seats").isEqualTo(4).jsonPath("$.classroom").isEqualTo("A2");
    }

    @Test
    void fewerSeatsThanBookingsAreRefusedAndTheLessonIsLeftAsItWas() {
        TestMessages.Subscription published = messages.subscribe(Topics.OBSERVATIONS);
        String lesson = fixtures.createLesson("Vận động: Bật xa", "A3", "2026-11-05T10:00:00+07:00", "2026-11-05T10:35:00+07:00", 3);
        fixtures.booked(lesson, fixtures.observer("Đại biểu 1"));
        fixtures.booked(lesson, fixtures.observer("Đại biểu 2"));

        // Refused, also when the change would have moved the lesson to another classroom...
        http.put().uri("/api/observations/lessons/{l}/details", lesson).bodyValue(details("B3", 1)).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "seats-below-bookings")
                .jsonPath("$.booked").isEqualTo(2);
        http.get().uri("/api/observations/lessons/{l}", lesson).exchange()
                .expectBody().jsonPath("$.seats").isEqualTo(3).jsonPath("$.seatsLeft").isEqualTo(1).jsonPath("$.classroom").isEqualTo("A3");
        // ...which then was not kept: the other classroom is still free at that time, and the lesson's own still taken.
        fixtures.createLesson("Trò chơi dân gian", "B3", "2026-11-05T10:00:00+07:00", "2026-11-05T10:35:00+07:00", 2);
        http.post().uri("/api/observations/events/{e}/lessons", fixtures.eventId)
                .bodyValue(Fixtures.lesson("Làm quen chữ cái", "A3", "2026-11-05T10:00:00+07:00", "2026-11-05T10:35:00+07:00", 2))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "classroom-clash").jsonPath("$.clashingLessonId").isEqualTo(lesson);

        // As many seats as bookings is fine.
        http.put().uri("/api/observations/lessons/{l}/details", lesson).bodyValue(details("A3", 2)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.seats").isEqualTo(2).jsonPath("$.seatsLeft").isEqualTo(0).jsonPath("$.teacher").isEqualTo("Trần Thị Lụa");
        Scenario.eventually(() ->
                assertThat(published.messages(LessonScheduled.class)).filteredOn(m -> m.lessonId().equals(lesson))
                        .extracting(LessonScheduled::seats).contains(2).doesNotContain(1));
    }

    @Test
    void moreSeatsAndAnotherClassroomPromoteTheWaitingListAndFreeTheOldRoom() {
        TestMessages.Subscription published = messages.subscribe(Topics.OBSERVATIONS);
        String lesson = fixtures.createLesson("Khám phá: Cây xanh", "A4", "2026-11-05T14:00:00+07:00", "2026-11-05T14:40:00+07:00", 1);
        String seated = fixtures.observer("Người có ghế");
        String first = fixtures.observer("Người chờ 1");
        String second = fixtures.observer("Người chờ 2");
        fixtures.booked(lesson, seated);
        fixtures.book(lesson, first).expectStatus().isEqualTo(HttpStatus.ACCEPTED);
        fixtures.book(lesson, second).expectStatus().isEqualTo(HttpStatus.ACCEPTED);
        String busy = fixtures.createLesson("Âm nhạc", "C4", "2026-11-05T14:20:00+07:00", "2026-11-05T15:00:00+07:00", 2);

        http.put().uri("/api/observations/lessons/{l}/details", lesson).bodyValue(details("C4", 3)).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "classroom-clash").jsonPath("$.clashingLessonId").isEqualTo(busy);
        http.put().uri("/api/observations/lessons/{l}/details", lesson).bodyValue(details("B4", 2)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.classroom").isEqualTo("B4").jsonPath("$.seats").isEqualTo(2).jsonPath("$.seatsLeft").isEqualTo(0);

        http.get().uri("/api/observations/lessons/{l}/observers", lesson).exchange()
                .expectBody()
                .jsonPath("$.booked.length()").isEqualTo(2)
                .jsonPath("$.booked[1].registrationId").isEqualTo(first)
                .jsonPath("$.booked[1].via").isEqualTo("PROMOTED")
                .jsonPath("$.waiting.length()").isEqualTo(1)
                .jsonPath("$.waiting[0].registrationId").isEqualTo(second);
        // The old room is free at that time, the new one is taken.
        fixtures.createLesson("Trò chơi", "A4", "2026-11-05T14:00:00+07:00", "2026-11-05T14:40:00+07:00", 2);
        http.post().uri("/api/observations/events/{e}/lessons", fixtures.eventId)
                .bodyValue(Fixtures.lesson("Trò chơi 2", "B4", "2026-11-05T14:30:00+07:00", "2026-11-05T15:00:00+07:00", 2))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.clashingLessonId").isEqualTo(lesson);
        Scenario.eventually(() -> {
            assertThat(published.messages(SeatBooked.class)).filteredOn(m -> m.lessonId().equals(lesson) && m.registrationId().equals(first))
                    .isNotEmpty().allSatisfy(m -> assertThat(m.seatsLeft()).isZero());
            assertThat(published.messages(LessonScheduled.class)).filteredOn(m -> m.lessonId().equals(lesson))
                    .anySatisfy(m -> {
                        assertThat(m.seats()).isEqualTo(2);
                        assertThat(m.classroom()).startsWith("B4");
                    });
        });
    }

    @Test
    void anOrganiserCancelsALessonAndEveryPlaceInItLapses() {
        TestMessages.Subscription published = messages.subscribe(Topics.OBSERVATIONS);
        String lesson = fixtures.createLesson("Văn học: Thơ Hoa kết trái", "A5", "2026-11-06T08:00:00+07:00", "2026-11-06T08:40:00+07:00", 1);
        String seated = fixtures.observer("Người có ghế");
        String waiting = fixtures.observer("Người chờ");
        fixtures.booked(lesson, seated);
        fixtures.book(lesson, waiting).expectStatus().isEqualTo(HttpStatus.ACCEPTED);

        Map<String, Object> cancelled = http.delete().uri("/api/observations/lessons/{l}?reason={r}", lesson, "Giáo viên ốm").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(cancelled).containsEntry("id", lesson).containsEntry("status", "CANCELLED").containsEntry("seatsLeft", 1);

        http.get().uri("/api/observations/lessons/{l}/observers", lesson).exchange()
                .expectBody().jsonPath("$.booked.length()").isEqualTo(0).jsonPath("$.waiting.length()").isEqualTo(0);
        schedule(fixtures, seated).jsonPath("$.length()").isEqualTo(0);
        schedule(fixtures, waiting).jsonPath("$.length()").isEqualTo(0);
        assertThat(slots(seated)).isEmpty();
        assertThat(slots(waiting)).isEmpty();
        fixtures.book(lesson, waiting).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "lesson-not-bookable");
        http.put().uri("/api/observations/lessons/{l}/details", lesson).bodyValue(details("A5", 4)).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "lesson-not-bookable");
        // The classroom and the observers' time are free again.
        String replacement = fixtures.createLesson("Thay thế: Kể chuyện", "A5", "2026-11-06T08:00:00+07:00", "2026-11-06T08:40:00+07:00", 2);
        fixtures.booked(replacement, seated);
        fixtures.booked(replacement, waiting);

        // Cancelling again changes nothing and says nothing more; an unknown lesson is 404.
        http.delete().uri("/api/observations/lessons/{l}", lesson).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED")
                .jsonPath("$.version").isEqualTo(cancelled.get("version"));
        http.delete().uri("/api/observations/lessons/{l}", "les-missing").exchange().expectStatus().isNotFound();
        Scenario.eventually(() -> {
            List<IntegrationMessage> mine = distinct(published.messages()).stream()
                    .filter(m -> m instanceof LessonCancelled c && c.lessonId().equals(lesson)
                            || m instanceof SeatReleased r && r.lessonId().equals(lesson)
                            || m instanceof WaitlistLeft w && w.lessonId().equals(lesson)).toList();
            assertThat(mine).hasSize(3);
            assertThat(mine).filteredOn(LessonCancelled.class::isInstance).map(LessonCancelled.class::cast)
                    .singleElement().extracting(LessonCancelled::reason).isEqualTo("Giáo viên ốm");
            assertThat(mine).filteredOn(SeatReleased.class::isInstance).map(SeatReleased.class::cast)
                    .singleElement().extracting(SeatReleased::registrationId).isEqualTo(seated);
            assertThat(mine).filteredOn(WaitlistLeft.class::isInstance).map(WaitlistLeft.class::cast)
                    .singleElement().extracting(WaitlistLeft::registrationId).isEqualTo(waiting);
        });
    }

    @Test
    void aCancellationReasonLongerThan500CharactersIsRefusedAndCancelsNothing() {
        TestMessages.Subscription published = messages.subscribe(Topics.OBSERVATIONS);
        String lesson = fixtures.createLesson("Toán: Đếm đến 5", "A6", "2026-11-06T09:00:00+07:00", "2026-11-06T09:40:00+07:00", 2);
        String seated = fixtures.observer("Người có ghế");
        fixtures.booked(lesson, seated);

        http.delete().uri("/api/observations/lessons/{l}?reason={r}", lesson, "x".repeat(501)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation")
                .jsonPath("$.errors[0].field").value(field -> assertThat((String) field).endsWith("reason"));
        http.get().uri("/api/observations/lessons/{l}/observers", lesson).exchange()
                .expectBody().jsonPath("$.booked.length()").isEqualTo(1);
        http.get().uri("/api/observations/lessons/{l}", lesson).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");

        // 500 characters are enough, and they are what the message says.
        String reason = "Giáo viên ốm. " + "x".repeat(486);
        http.delete().uri("/api/observations/lessons/{l}?reason={r}", lesson, reason).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        Scenario.eventually(() -> assertThat(published.messages(LessonCancelled.class))
                .filteredOn(m -> m.lessonId().equals(lesson)).extracting(LessonCancelled::reason).containsOnly(reason));
    }

    private WebTestClient.BodyContentSpec schedule(Fixtures of, String registrationId) {
        return http.get().uri("/api/observations/events/{e}/delegates/{r}/schedule", of.eventId, registrationId).exchange()
                .expectStatus().isOk().expectBody();
    }

    /** The lessons whose time a delegate's schedule holds (collection {@code schedules}). */
    private List<String> slots(String registrationId) {
        return mongo.findById(registrationId, Document.class, "schedules")
                .map(d -> d.getList("slots", Document.class, List.of()).stream().map(slot -> slot.getString("lessonId")).toList())
                .defaultIfEmpty(List.of()).block(Duration.ofSeconds(10));
    }

    /** Delivery is at least once: the same message (same id) may arrive twice. */
    private static List<IntegrationMessage> distinct(List<IntegrationMessage> messages) {
        return List.copyOf(messages.stream().collect(Collectors.toMap(IntegrationMessage::messageId, Function.identity(),
                (a, b) -> a, LinkedHashMap::new)).values());
    }

    private static Map<String, Object> details(String classroom, int seats) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("classroom", classroom);
        body.put("className", "Mẫu giáo lớn " + classroom);
        body.put("ageGroup", "MAU_GIAO_LON");
        body.put("teacher", "Trần Thị Lụa");
        body.put("activity", "Hoạt động khám phá");
        body.put("developmentalArea", "Phát triển nhận thức");
        body.put("seats", seats);
        return body;
    }
}
