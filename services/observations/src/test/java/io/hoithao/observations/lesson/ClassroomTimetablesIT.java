package io.hoithao.observations.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.observations.Fixtures;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.platform.text.Units;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Classroom timetables are keyed by the venue's id from the programme, never by a typed school name, and a
 * claim left without its lesson by a crash is freed by {@link ClassroomRepair} after the grace period.
 */
@IntegrationTest
class ClassroomTimetablesIT {

    static final String PROBLEMS = "https://hoithao.io/problems/";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    Classrooms classrooms;

    @Autowired
    ClassroomRepair repair;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    private SessionScheduled lessonSession(String eventId, String venueId, String school, String room, Instant start) {
        return new SessionScheduled(UUID.randomUUID(), Instant.now(), eventId, "ses-" + UUID.randomUUID(), "DEMONSTRATION_LESSON",
                "Dự giờ: Bé tìm hiểu về nước", room + " – " + school, start, start.plusSeconds(2100), 3, school, room, 6, venueId);
    }

    private void awaitRoom(SessionScheduled session, String room) {
        Scenario.eventually(() -> http.get()
                .uri("/api/observations/lessons/{l}", LessonService.idOfSession(session.sessionId())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.classroom").isEqualTo(room));
    }

    @Test
    void twoVenuesWhoseNamesFoldAlikeKeepTheirOwnRooms() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.parse("2026-11-10T01:00:00Z");
        // Two units' events, each at its own "Trường Mầm non Đồng Tâm" (two schools of that name in two districts).
        SessionScheduled first = lessonSession("evt-" + UUID.randomUUID(), "ven-" + UUID.randomUUID(),
                "Trường Mầm non Đồng Tâm " + suffix, "MGL A1", start);
        SessionScheduled second = lessonSession("evt-" + UUID.randomUUID(), "ven-" + UUID.randomUUID(),
                "Trường Mầm non Đồng Tâm " + suffix, "MGL A1", start);
        // One event at "Tân Hòa" and "Tân Hóa": two schools, the same name once folded.
        String eventId = "evt-" + UUID.randomUUID();
        SessionScheduled hoa = lessonSession(eventId, "ven-" + UUID.randomUUID(), "Trường Mầm non Tân Hòa " + suffix, "Lớp A1", start);
        SessionScheduled hoa2 = lessonSession(eventId, "ven-" + UUID.randomUUID(), "Trường Mầm non Tân Hóa " + suffix, "Lớp A1", start);
        for (SessionScheduled session : List.of(first, second, hoa, hoa2)) {
            messages.send(session);
            awaitRoom(session, session.classroom());
        }

        // The same venue's room is still one room: a second lesson there at that time goes without it.
        SessionScheduled rival = lessonSession(first.eventId(), first.venueId(), first.host(), "mgl  a1", start.plusSeconds(600));
        Scenario.when(() -> messages.send(rival))
                .thenState(() -> http.get()
                .uri("/api/observations/lessons/{l}", LessonService.idOfSession(rival.sessionId())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.classroom").doesNotExist());
    }

    @Test
    void aSchoolNameTypedInOneEventReachesNoOtherEventsRoomsButSharesItsOwnEventsVenue() {
        Fixtures ours = new Fixtures(http, mongo);
        String ourLesson = ours.createLesson("Bé tìm hiểu về nước", "A1", "2026-11-11T08:00:00+07:00", "2026-11-11T08:45:00+07:00", 4);
        Map<String, Object> sameSchoolSameRoom = Fixtures.lesson("Trò chơi dân gian", "A1", "2026-11-11T08:15:00+07:00",
                "2026-11-11T09:00:00+07:00", 4);

        // Another unit's event types the same school and room: its lesson is its own, nothing of ours is told.
        Fixtures theirs = new Fixtures(http, mongo);
        http.post().uri("/api/observations/events/{e}/lessons", theirs.eventId).bodyValue(sameSchoolSameRoom).exchange()
                .expectStatus().isCreated();
        // In our own event the room is taken.
        http.post().uri("/api/observations/events/{e}/lessons", ours.eventId).bodyValue(sameSchoolSameRoom).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "classroom-clash").jsonPath("$.clashingLessonId").isEqualTo(ourLesson);

        // A lesson added here at a school the event's programme has as a venue shares that venue's rooms.
        String school = "Trường Mầm non Yên Đĩnh " + UUID.randomUUID().toString().substring(0, 8);
        SessionScheduled programmed = lessonSession(ours.eventId, "ven-" + UUID.randomUUID(), school, "MGN B2",
                Instant.parse("2026-11-11T03:00:00Z"));
        messages.send(programmed);
        awaitRoom(programmed, "MGN B2");
        Map<String, Object> byHand = Fixtures.lesson("Âm nhạc", "mgn b2", "2026-11-11T10:10:00+07:00", "2026-11-11T10:40:00+07:00", 4);
        byHand.put("hostSchool", school.toUpperCase());
        http.post().uri("/api/observations/events/{e}/lessons", ours.eventId).bodyValue(byHand).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.clashingLessonId").isEqualTo(LessonService.idOfSession(programmed.sessionId()));
    }

    @Test
    void aClaimLeftWithoutItsLessonIsFreedAfterTheGraceButNotBefore() {
        Fixtures fixtures = new Fixtures(http, mongo);
        String held = fixtures.createLesson("Bé tìm hiểu về nước", "A1", "2026-11-12T08:00:00+07:00", "2026-11-12T08:45:00+07:00", 4);
        // Claims as of a moment of the test's own, after every real claim, so that the timer's passes never see them.
        Instant crash = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> body = Fixtures.lesson("Âm nhạc", "B1", "2026-11-12T09:00:00+07:00", "2026-11-12T09:45:00+07:00", 4);
        // The room was claimed, then the service died before the lesson was written.
        Lesson neverWritten = lesson("les-crashed-" + UUID.randomUUID(), fixtures.eventId, (String) body.get("hostSchool"), "B1",
                "2026-11-12T02:00:00Z", "2026-11-12T02:45:00Z");
        classrooms.claim(neverWritten, crash).block(Duration.ofSeconds(10));
        // The held lesson moved to C1, then the service died before giving A1 back.
        Lesson heldNow = mongo.findById(held, Lesson.class).block();
        Lesson inC1 = lesson(held, fixtures.eventId, heldNow.hostSchool(), "C1", "2026-11-12T01:00:00Z", "2026-11-12T01:45:00Z");
        classrooms.claim(inC1, crash).block(Duration.ofSeconds(10));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(held)), new Update()
                .set("classroom", "C1"), Lesson.class).block();

        // The orphan claims are harmful: B1 and A1 are refused to lessons nothing holds them for.
        Map<String, Object> inA1 = Fixtures.lesson("Trò chơi", "A1", "2026-11-12T08:00:00+07:00", "2026-11-12T08:45:00+07:00", 4);
        http.post().uri("/api/observations/events/{e}/lessons", fixtures.eventId).bodyValue(body).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.clashingLessonId").isEqualTo(neverWritten.id());
        http.post().uri("/api/observations/events/{e}/lessons", fixtures.eventId).bodyValue(inA1).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.clashingLessonId").isEqualTo(held);
        assertThat(holders(withRoom(heldNow, "A1"))).containsExactly(held);

        // Within the grace period the claim is kept: its lesson might be on its way. (A1 was claimed long before
        // the crash: its lesson is elsewhere now, so it may go at once.)
        long freed = repair.repair(crash.plusSeconds(30)).block(Duration.ofSeconds(30)).claims();
        assertThat(holders(neverWritten)).containsExactly(neverWritten.id());

        // After it, both are freed; the claim the held lesson stands behind (C1) is kept.
        freed += repair.repair(crash.plusSeconds(61)).block(Duration.ofSeconds(30)).claims();
        assertThat(freed).isGreaterThanOrEqualTo(2L);
        assertThat(holders(neverWritten)).isEmpty();
        assertThat(holders(withRoom(heldNow, "A1"))).isEmpty();
        assertThat(holders(inC1)).containsExactly(held);
        http.post().uri("/api/observations/events/{e}/lessons", fixtures.eventId).bodyValue(body).exchange()
                .expectStatus().isCreated();
        http.post().uri("/api/observations/events/{e}/lessons", fixtures.eventId).bodyValue(inA1).exchange()
                .expectStatus().isCreated();
        http.post().uri("/api/observations/events/{e}/lessons", fixtures.eventId)
                .bodyValue(Fixtures.lesson("Tạo hình", "C1", "2026-11-12T08:00:00+07:00", "2026-11-12T08:45:00+07:00", 4)).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aClaimWrittenUnderTheOldKeyIsClaimedAgainUnderTheNewOneBeforeItIsFreed() {
        Fixtures fixtures = new Fixtures(http, mongo);
        String id = fixtures.createLesson("Bé tìm hiểu về nước", "D1", "2026-11-13T08:00:00+07:00", "2026-11-13T08:45:00+07:00", 4);
        Lesson lesson = mongo.findById(id, Lesson.class).block();
        // Its claim as written before the timetables were keyed by venue or event: folded school and room, nothing else.
        String oldKey = Units.fold(lesson.hostSchool()) + "|" + Units.fold(lesson.classroom());
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(Classrooms.key(lesson))),
                new Update().pull(IntervalClaims.SLOTS, new Document("lessonId", id)), Classrooms.COLLECTION).block();
        mongo.insert(new Document("_id", oldKey).append(IntervalClaims.SLOTS, List.of(IntervalClaims.slotDocument(
                new Slot(id, lesson.title(), lesson.startsAt(), lesson.endsAt(), before)))), Classrooms.COLLECTION).block();
        assertThat(holders(lesson)).isEmpty();

        repair.repair(before.plus(Duration.ofHours(1))).block(Duration.ofSeconds(30));

        // The lesson holds its room under the new key, and the old claim is gone: a clashing lesson there is refused.
        assertThat(holders(lesson)).containsExactly(id);
        assertThat(mongo.findById(oldKey, Document.class, Classrooms.COLLECTION).map(IntervalClaims::slots).block()).isEmpty();
        http.post().uri("/api/observations/events/{e}/lessons", fixtures.eventId)
                .bodyValue(Fixtures.lesson("Trò chơi", "D1", "2026-11-13T08:15:00+07:00", "2026-11-13T09:00:00+07:00", 4)).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "classroom-clash").jsonPath("$.clashingLessonId").isEqualTo(id);
    }

    private List<String> holders(Lesson lesson) {
        return mongo.findById(Classrooms.key(lesson), Document.class, Classrooms.COLLECTION).map(IntervalClaims::slots)
                .defaultIfEmpty(List.of()).block().stream().map(Slot::lessonId).toList();
    }

    private static Lesson withRoom(Lesson l, String classroom) {
        return lesson(l.id(), l.eventId(), l.hostSchool(), classroom, l.startsAt().toString(), l.endsAt().toString());
    }

    private static Lesson lesson(String id, String eventId, String school, String classroom, String startsAt, String endsAt) {
        Instant now = Instant.now();
        return new Lesson(id, eventId, null, "Bài dạy", school, null, classroom, null, null, null, null, null,
                Instant.parse(startsAt), Instant.parse(endsAt), 4, LessonStatus.SCHEDULED, List.of(), List.of(), 0, 0, now, now);
    }
}
