package io.hoithao.observations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.observations.delegate.Observer;
import io.hoithao.platform.testing.TestIdentity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Test data for one conference event: confirmed observers and lessons created through the API. */
public final class Fixtures {

    static final ThreadLocal<String> SCHOOL = new ThreadLocal<>();

    public final String eventId = "evt-" + UUID.randomUUID();
    private final WebTestClient http;
    private final ReactiveMongoTemplate mongo;

    public Fixtures(WebTestClient http, ReactiveMongoTemplate mongo) {
        this.http = http;
        this.mongo = mongo;
        SCHOOL.set(eventId.substring(4, 12));
    }

    /** A confirmed delegate, stored as the registrations projection would store it (tests of the projection itself send real messages). */
    public String observer(String name) {
        String registrationId = "reg-" + UUID.randomUUID();
        return observer(registrationId, emailOf(registrationId), name);
    }

    /** A confirmed delegate whose registration carries this email (the owner's, as the registrations service sends it). */
    public String observer(String registrationId, String email, String name) {
        mongo.insert(new Observer(registrationId, eventId, email, name, "Trường Mầm non Đồng Tâm", true, Instant.now(), "CONFIRMED")).block();
        return registrationId;
    }

    /** The email of a delegate made by {@link #observer}: their registration's owner. */
    public static String emailOf(String registrationId) {
        return registrationId + "@mn.edu.vn";
    }

    /** The client acting as the delegate who owns this registration. */
    public WebTestClient asDelegate(String registrationId) {
        return TestIdentity.get().as(http, TestIdentity.delegate(emailOf(registrationId)));
    }

    public static Map<String, Object> lesson(String title, String classroom, String startsAt, String endsAt, int seats) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        // Classrooms are physical rooms shared by every event: each test gets a school of its own.
        body.put("hostSchool", "Trường Mầm non Đồng Tâm " + SCHOOL.get());
        body.put("classroom", classroom);
        body.put("className", "Lớp " + classroom);
        body.put("ageGroup", "MAU_GIAO_LON");
        body.put("teacher", "Nguyễn Thị Hoà");
        body.put("activity", "Khám phá: Bé tìm hiểu về nước");
        body.put("developmentalArea", "Phát triển nhận thức");
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        body.put("seats", seats);
        return body;
    }

    public String createLesson(String title, String classroom, String startsAt, String endsAt, int seats) {
        return http.post().uri("/api/observations/events/{e}/lessons", eventId)
                .bodyValue(lesson(title, classroom, startsAt, endsAt, seats))
                .exchange().expectBody(LessonId.class)
                .consumeWith(r -> assertThat(r.getStatus().value()).as("%s", r).isEqualTo(201))
                .returnResult().getResponseBody().id();
    }

    public record LessonId(String id) {
    }

    public WebTestClient.ResponseSpec book(String lessonId, String registrationId) {
        return http.post().uri("/api/observations/lessons/{l}/bookings", lessonId)
                .bodyValue(Map.of("registrationId", registrationId)).exchange();
    }

    public void booked(String lessonId, String registrationId) {
        book(lessonId, registrationId).expectBody(String.class)
                .consumeWith(r -> assertThat(r.getStatus().value()).as("%s", r.getResponseBody()).isEqualTo(201));
    }
}
