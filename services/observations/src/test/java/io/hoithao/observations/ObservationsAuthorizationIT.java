package io.hoithao.observations;

import static io.hoithao.platform.testing.AccessMatrix.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.events.EventPublished;
import io.hoithao.observations.event.ObservedEvent;
import io.hoithao.platform.testing.AccessMatrix;
import io.hoithao.platform.testing.AccessMatrix.Row;
import io.hoithao.platform.testing.AccessMatrix.Who;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Placeholders;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may call what, route by route: the role × endpoint matrix of the observations service. Each row is
 * one request (method, path, who, body, expected status and, for a refusal, its problem type). Paths name
 * the objects of one event published for {@value #UNIT}: {@code {lesson}} where the owner and another
 * delegate are booked, marked present and have submitted their forms, {@code {owner}} and {@code {other}}
 * their registrations, {@code {rotation}} a previewed plan; {@code {fresh-…}} makes a new object of that
 * kind for the row, so that rows which change something do not depend on each other. {@code {unpublished}}
 * is an event this service has not seen published (its unit is unknown here).
 */
@IntegrationTest
class ObservationsAuthorizationIT {

    static final String API = "/api/observations";
    /** The unit organising the event: a district office below the department. */
    static final String UNIT = TestDirectory.OFFICE;
    static final String OWNER_EMAIL = "hoa.owner@mndongtam.edu.vn";
    /** The owner's email as her registration spells it: emails are compared without case. */
    static final String OWNER_EMAIL_AS_REGISTERED = "Hoa.Owner@MNDongTam.edu.vn";
    static final String OTHER_EMAIL = "lua.other@mndongtam.edu.vn";

    static final TestIdentity identity = TestIdentity.get();

    static final Who ANONYMOUS = Who.ANONYMOUS;
    static final Who ADMIN = Who.as("admin", TestIdentity.admin());
    static final Who ORGANISER = Who.as("organiser of the unit", TestIdentity.organiser(UNIT));
    /**
     * An organiser of a unit whose name folds like the event's unit's, but another unit (another id): units are
     * recognised by id, so she manages nothing of the event.
     */
    static final Who ORGANISER_FOLDED = Who.as("organiser of another unit named like the event's (phong gd&dt  cho moi)",
            TestIdentity.organiser("phong gd&dt  cho moi"));
    /** The event's unit's sibling: another district office of the department. */
    static final Who OTHER_ORGANISER = Who.as("organiser of another unit", TestIdentity.organiser(TestDirectory.SIBLING_OFFICE));
    /** Organisers of the department above the event's unit and of a school below it: neither manages the event. */
    static final Who ABOVE_ORGANISER = Who.as("organiser of the department above the event's unit",
            TestIdentity.organiser(TestDirectory.DEPARTMENT));
    static final Who BELOW_ORGANISER = Who.as("organiser of a school below the event's unit",
            TestIdentity.organiser(TestDirectory.SCHOOL));
    static final Who REVIEWER = Who.as("reviewer", TestIdentity.reviewer());
    static final Who OWNER = Who.as("owner", TestIdentity.delegate(OWNER_EMAIL));
    static final Who OTHER = Who.as("another delegate", TestIdentity.delegate(OTHER_EMAIL));
    static final Who NO_ROLE = Who.as("signed in, no role", TestIdentity.person("norole@truong.edu.vn", "Khách", null));
    static final Who EXPIRED = Who.token("expired token of the owner", () -> identity.expired(TestIdentity.delegate(OWNER_EMAIL)));
    static final Who FOREIGN = Who.token("foreign issuer's token", () -> identity.foreignIssuer(TestIdentity.admin()));
    static final Who OTHER_AUDIENCE = Who.token("token for another audience", () -> identity.otherAudience(TestIdentity.admin()));

    static final String INVALID_TOKEN = "invalid-token";
    static final String NOT_PUBLISHED = "is not published yet";

    /** Bodies: JSON maps whose string values may name objects as paths do. */
    static final Map<String, Object> LESSON = lessonBody();
    /** A lesson at the school, room and time of {@code {held-lesson}}, the event's lesson in room A1 at 07:00. */
    static final Map<String, Object> LESSON_IN_HELD_ROOM = heldRoomBody();
    static final Map<String, Object> DETAILS = Map.of("classroom", "{room}", "className", "Lớp chồi 2", "ageGroup", "MAU_GIAO_NHO",
            "teacher", "Hoàng Thị Lan", "activity", "Vẽ hoa", "developmentalArea", "Phát triển thẩm mỹ", "seats", 5);
    static final Map<String, Object> BOOK_OWNER = Map.of("registrationId", "{owner}");
    static final Map<String, Object> BOOK_OTHER = Map.of("registrationId", "{other}");
    static final Map<String, Object> BOOK_OWNER_UNPUBLISHED = Map.of("registrationId", "{owner-unpublished}");
    static final Map<String, Object> ATTEND = Map.of("registrationIds", List.of("{owner}"));
    static final Map<String, Object> ROTATION = Map.of("registrationIds", List.of("{rotating}"), "lessonIds", List.of("{rotation-lesson}"));
    static final Map<String, Object> TEMPLATE = Map.of("criteria", List.of(
            Map.of("id", "initiative", "label", "Trẻ chủ động, tích cực"),
            Map.of("id", "environment", "label", "Môi trường phù hợp")));
    static final Map<String, Object> FORM_OWNER = form("{owner}");
    static final Map<String, Object> FORM_OTHER = form("{other}");

    static Map<String, Object> lessonBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Khám phá: Bé tìm hiểu về nước");
        body.put("hostSchool", "{school}");
        body.put("classroom", "{room}");
        body.put("className", "Mẫu giáo lớn A1");
        body.put("ageGroup", "MAU_GIAO_LON");
        body.put("teacher", "Nguyễn Thị Hoà");
        body.put("activity", "Thí nghiệm vật chìm – vật nổi");
        body.put("developmentalArea", "Phát triển nhận thức");
        body.put("startsAt", "{start}");
        body.put("endsAt", "{end}");
        body.put("seats", 6);
        return body;
    }

    static Map<String, Object> heldRoomBody() {
        Map<String, Object> body = new LinkedHashMap<>(lessonBody());
        body.put("classroom", "A1");
        body.put("startsAt", "2027-02-27T07:00:00+07:00");
        body.put("endsAt", "2027-02-27T07:45:00+07:00");
        return body;
    }

    static Map<String, Object> form(String registrationId) {
        return Map.of("registrationId", registrationId, "scores", Map.of("initiative", 4, "environment", 5),
                "comments", "Trẻ hứng thú, cô gợi mở tốt");
    }

    /** The matrix. Every route of the service appears, every route that takes an id with each kind of caller. */
    static List<Row> matrix() {
        return List.of(
                // What a visitor needs to decide to come: public.
                row("GET", "/events/{event}/lessons", ANONYMOUS, 200),
                row("GET", "/events/{event}/lessons?seatsLeft=true", ANONYMOUS, 200),
                row("GET", "/events/{event}/lessons", OWNER, 200),
                row("GET", "/events/{unpublished}/lessons", ANONYMOUS, 200),
                row("GET", "/lessons/{lesson}", ANONYMOUS, 200),
                row("GET", "/lessons/{lesson}", OTHER, 200),
                row("GET", "/lessons/{no-such-lesson}", ANONYMOUS, 404),
                // A lesson of an event not published here: seen by administrators only.
                row("GET", "/lessons/{unpublished-lesson}", ANONYMOUS, 404),
                row("GET", "/lessons/{unpublished-lesson}", OWNER, 404),
                row("GET", "/lessons/{unpublished-lesson}", ORGANISER, 404),
                row("GET", "/lessons/{unpublished-lesson}", ADMIN, 200),
                row("GET", "/events/{event}/form", ANONYMOUS, 200),
                row("GET", "/events/{unknown}/form", ANONYMOUS, 200),

                // Adding a lesson: the organisers of the event's unit, or an administrator.
                row("POST", "/events/{event}/lessons", ANONYMOUS, LESSON, 401),
                row("POST", "/events/{event}/lessons", OWNER, LESSON, 403),
                row("POST", "/events/{event}/lessons", REVIEWER, LESSON, 403),
                row("POST", "/events/{event}/lessons", NO_ROLE, LESSON, 403),
                row("POST", "/events/{event}/lessons", OTHER_ORGANISER, LESSON, 403).saying(UNIT),
                row("POST", "/events/{event}/lessons", ORGANISER, LESSON, 201),
                row("POST", "/events/{event}/lessons", ORGANISER_FOLDED, LESSON, 403).saying(UNIT),
                // Units above, beside and below the event's: none of their organisers manages it.
                row("POST", "/events/{event}/lessons", ABOVE_ORGANISER, LESSON, 403).saying(UNIT),
                row("POST", "/events/{event}/lessons", BELOW_ORGANISER, LESSON, 403).saying(UNIT),
                row("POST", "/events/{event}/lessons", ADMIN, LESSON, 201),
                // Classrooms are the event's venues', not typed names: another unit's organiser who types the school,
                // room and time of {held-lesson} in an event of her own unit gets her lesson, and learns nothing of ours...
                row("POST", "/events/{other-unit-event}/lessons", OTHER_ORGANISER, LESSON_IN_HELD_ROOM, 201),
                // ...while in our event the room is taken.
                row("POST", "/events/{event}/lessons", ORGANISER, LESSON_IN_HELD_ROOM, 409, "classroom-clash"),
                row("POST", "/events/{unpublished}/lessons", ORGANISER, LESSON, 403).saying(NOT_PUBLISHED),
                row("POST", "/events/{unpublished}/lessons", ADMIN, LESSON, 201),
                row("POST", "/events/{unknown}/lessons", ORGANISER, LESSON, 403).saying(NOT_PUBLISHED),

                // A lesson's details.
                row("PUT", "/lessons/{fresh-lesson}/details", ANONYMOUS, DETAILS, 401),
                row("PUT", "/lessons/{fresh-lesson}/details", OWNER, DETAILS, 403),
                row("PUT", "/lessons/{fresh-lesson}/details", REVIEWER, DETAILS, 403),
                row("PUT", "/lessons/{fresh-lesson}/details", OTHER_ORGANISER, DETAILS, 403).saying(UNIT),
                row("PUT", "/lessons/{fresh-lesson}/details", ABOVE_ORGANISER, DETAILS, 403).saying(UNIT),
                row("PUT", "/lessons/{fresh-lesson}/details", BELOW_ORGANISER, DETAILS, 403).saying(UNIT),
                row("PUT", "/lessons/{fresh-lesson}/details", ORGANISER, DETAILS, 200),
                row("PUT", "/lessons/{fresh-lesson}/details", ADMIN, DETAILS, 200),
                row("PUT", "/lessons/{no-such-lesson}/details", ORGANISER, DETAILS, 404),
                row("PUT", "/lessons/{unpublished-lesson}/details", ORGANISER, DETAILS, 403).saying(NOT_PUBLISHED),
                row("PUT", "/lessons/{fresh-unpublished-lesson}/details", ADMIN, DETAILS, 200),

                // Cancelling a lesson.
                row("DELETE", "/lessons/{fresh-lesson}", ANONYMOUS, 401),
                row("DELETE", "/lessons/{fresh-lesson}", OWNER, 403),
                row("DELETE", "/lessons/{fresh-lesson}", REVIEWER, 403),
                row("DELETE", "/lessons/{fresh-lesson}", OTHER_ORGANISER, 403).saying(UNIT),
                row("DELETE", "/lessons/{fresh-lesson}?reason=Giáo viên ốm", ORGANISER, 200),
                row("DELETE", "/lessons/{fresh-lesson}", ADMIN, 200),
                row("DELETE", "/lessons/{no-such-lesson}", ADMIN, 404),
                row("DELETE", "/lessons/{unpublished-lesson}", ORGANISER, 403).saying(NOT_PUBLISHED),

                // A lesson's observers, with their emails and attendance.
                row("GET", "/lessons/{lesson}/observers", ANONYMOUS, 401),
                row("GET", "/lessons/{lesson}/observers", OWNER, 403),
                row("GET", "/lessons/{lesson}/observers", REVIEWER, 403),
                row("GET", "/lessons/{lesson}/observers", OTHER_ORGANISER, 403).saying(UNIT),
                row("GET", "/lessons/{lesson}/observers", ORGANISER, 200),
                row("GET", "/lessons/{lesson}/observers", ADMIN, 200),
                row("GET", "/lessons/{no-such-lesson}/observers", ORGANISER, 404),
                row("GET", "/lessons/{unpublished-lesson}/observers", ORGANISER, 403).saying(NOT_PUBLISHED),
                row("GET", "/lessons/{unpublished-lesson}/observers", ADMIN, 200),

                // Attendance.
                row("POST", "/lessons/{lesson}/attendance", ANONYMOUS, ATTEND, 401),
                row("POST", "/lessons/{lesson}/attendance", OWNER, ATTEND, 403),
                row("POST", "/lessons/{lesson}/attendance", REVIEWER, ATTEND, 403),
                row("POST", "/lessons/{lesson}/attendance", OTHER_ORGANISER, ATTEND, 403).saying(UNIT),
                row("POST", "/lessons/{lesson}/attendance", ORGANISER, ATTEND, 200),
                row("POST", "/lessons/{lesson}/attendance", ADMIN, ATTEND, 200),
                row("POST", "/lessons/{unpublished-lesson}/attendance", ORGANISER, ATTEND, 403).saying(NOT_PUBLISHED),

                // The delegates who may observe, with their emails.
                row("GET", "/events/{event}/observers", ANONYMOUS, 401),
                row("GET", "/events/{event}/observers", OWNER, 403),
                row("GET", "/events/{event}/observers", REVIEWER, 403),
                row("GET", "/events/{event}/observers", OTHER_ORGANISER, 403).saying(UNIT),
                row("GET", "/events/{event}/observers", ABOVE_ORGANISER, 403).saying(UNIT),
                row("GET", "/events/{event}/observers", BELOW_ORGANISER, 403).saying(UNIT),
                row("GET", "/events/{event}/observers", ORGANISER_FOLDED, 403).saying(UNIT),
                row("GET", "/events/{event}/observers", ORGANISER, 200),
                row("GET", "/events/{event}/observers", ADMIN, 200),
                row("GET", "/events/{unpublished}/observers", ORGANISER, 403).saying(NOT_PUBLISHED),
                row("GET", "/events/{unpublished}/observers", ADMIN, 200),

                // Clashes after a session moved.
                row("GET", "/events/{event}/clashes", ANONYMOUS, 401),
                row("GET", "/events/{event}/clashes", OWNER, 403),
                row("GET", "/events/{event}/clashes", REVIEWER, 403),
                row("GET", "/events/{event}/clashes", OTHER_ORGANISER, 403).saying(UNIT),
                row("GET", "/events/{event}/clashes", ORGANISER, 200),
                row("GET", "/events/{event}/clashes", ADMIN, 200),
                row("GET", "/events/{unknown}/clashes", ORGANISER, 403).saying(NOT_PUBLISHED),
                row("GET", "/events/{unknown}/clashes", ADMIN, 200),

                // Rotation plans.
                row("POST", "/events/{event}/rotations", ANONYMOUS, ROTATION, 401),
                row("POST", "/events/{event}/rotations", OWNER, ROTATION, 403),
                row("POST", "/events/{event}/rotations", REVIEWER, ROTATION, 403),
                row("POST", "/events/{event}/rotations", OTHER_ORGANISER, ROTATION, 403).saying(UNIT),
                row("POST", "/events/{event}/rotations", ORGANISER, ROTATION, 201),
                row("POST", "/events/{event}/rotations", ADMIN, ROTATION, 201),
                row("POST", "/events/{unpublished}/rotations", ORGANISER, Map.of(), 403).saying(NOT_PUBLISHED),
                row("POST", "/events/{unpublished}/rotations", ADMIN, Map.of(), 201),

                row("GET", "/rotations/{rotation}", ANONYMOUS, 401),
                row("GET", "/rotations/{rotation}", OWNER, 403),
                row("GET", "/rotations/{rotation}", REVIEWER, 403),
                row("GET", "/rotations/{rotation}", OTHER_ORGANISER, 403).saying(UNIT),
                row("GET", "/rotations/{rotation}", ORGANISER, 200),
                row("GET", "/rotations/{rotation}", ADMIN, 200),
                row("GET", "/rotations/{no-such-rotation}", ADMIN, 404),

                row("POST", "/rotations/{rotation}/apply", ANONYMOUS, 401),
                row("POST", "/rotations/{rotation}/apply", OWNER, 403),
                row("POST", "/rotations/{rotation}/apply", REVIEWER, 403),
                row("POST", "/rotations/{rotation}/apply", OTHER_ORGANISER, 403).saying(UNIT),
                row("POST", "/rotations/{fresh-rotation}/apply", ORGANISER, 200),
                row("POST", "/rotations/{fresh-rotation}/apply", ADMIN, 200),
                row("POST", "/rotations/{no-such-rotation}/apply", ADMIN, 404),

                // The event's form criteria.
                row("PUT", "/events/{event}/form", ANONYMOUS, TEMPLATE, 401),
                row("PUT", "/events/{event}/form", OWNER, TEMPLATE, 403),
                row("PUT", "/events/{event}/form", REVIEWER, TEMPLATE, 403),
                row("PUT", "/events/{event}/form", OTHER_ORGANISER, TEMPLATE, 403).saying(UNIT),
                row("PUT", "/events/{event}/form", ABOVE_ORGANISER, TEMPLATE, 403).saying(UNIT),
                row("PUT", "/events/{event}/form", BELOW_ORGANISER, TEMPLATE, 403).saying(UNIT),
                row("PUT", "/events/{event}/form", ORGANISER, TEMPLATE, 200),
                row("PUT", "/events/{event}/form", ADMIN, TEMPLATE, 200),
                row("PUT", "/events/{unpublished}/form", ORGANISER, TEMPLATE, 403).saying(NOT_PUBLISHED),

                // Per-lesson aggregates of the forms.
                row("GET", "/lessons/{lesson}/forms/summary", ANONYMOUS, 401),
                row("GET", "/lessons/{lesson}/forms/summary", OWNER, 403),
                row("GET", "/lessons/{lesson}/forms/summary", REVIEWER, 403),
                row("GET", "/lessons/{lesson}/forms/summary", OTHER_ORGANISER, 403).saying(UNIT),
                row("GET", "/lessons/{lesson}/forms/summary", ORGANISER, 200),
                row("GET", "/lessons/{lesson}/forms/summary", ADMIN, 200),
                row("GET", "/lessons/{unpublished-lesson}/forms/summary", ORGANISER, 403).saying(NOT_PUBLISHED),

                // Booking a seat: a delegate with their own registration; the event's managers with anyone's.
                row("POST", "/lessons/{fresh-lesson}/bookings", ANONYMOUS, BOOK_OWNER, 401),
                row("POST", "/lessons/{fresh-lesson}/bookings", OTHER, BOOK_OWNER, 404),
                row("POST", "/lessons/{fresh-lesson}/bookings", NO_ROLE, BOOK_OWNER, 404),
                row("POST", "/lessons/{fresh-lesson}/bookings", REVIEWER, BOOK_OWNER, 404),
                row("POST", "/lessons/{fresh-lesson}/bookings", OTHER_ORGANISER, BOOK_OWNER, 403).saying(UNIT),
                row("POST", "/lessons/{fresh-lesson}/bookings", OWNER, BOOK_OWNER, 201),
                row("POST", "/lessons/{fresh-lesson}/bookings", OTHER, BOOK_OTHER, 201),
                row("POST", "/lessons/{fresh-lesson}/bookings", ORGANISER, BOOK_OWNER, 201),
                row("POST", "/lessons/{fresh-lesson}/bookings", ADMIN, BOOK_OWNER, 201),
                row("POST", "/lessons/{no-such-lesson}/bookings", OWNER, BOOK_OWNER, 404),
                row("POST", "/lessons/{fresh-unpublished-lesson}/bookings", OWNER, BOOK_OWNER_UNPUBLISHED, 201),
                row("POST", "/lessons/{fresh-unpublished-lesson}/bookings", ORGANISER, BOOK_OWNER_UNPUBLISHED, 403).saying(NOT_PUBLISHED),
                row("POST", "/lessons/{fresh-unpublished-lesson}/bookings", ADMIN, BOOK_OWNER_UNPUBLISHED, 201),

                // Giving up a seat: its owner, or the event's managers.
                row("DELETE", "/lessons/{fresh-booked}/bookings/{owner}", ANONYMOUS, 401),
                row("DELETE", "/lessons/{fresh-booked}/bookings/{owner}", OTHER, 404),
                row("DELETE", "/lessons/{fresh-booked}/bookings/{owner}", NO_ROLE, 404),
                row("DELETE", "/lessons/{fresh-booked}/bookings/{owner}", REVIEWER, 404),
                row("DELETE", "/lessons/{fresh-booked}/bookings/{owner}", OTHER_ORGANISER, 403).saying(UNIT),
                row("DELETE", "/lessons/{fresh-booked}/bookings/{owner}", OWNER, 204),
                row("DELETE", "/lessons/{fresh-booked}/bookings/{owner}", ORGANISER, 204),
                row("DELETE", "/lessons/{fresh-booked}/bookings/{owner}", ADMIN, 204),
                row("DELETE", "/lessons/{fresh-lesson}/bookings/{owner}", OWNER, 404),

                // A delegate's schedule.
                row("GET", "/events/{event}/delegates/{owner}/schedule", ANONYMOUS, 401),
                row("GET", "/events/{event}/delegates/{owner}/schedule", OTHER, 404),
                row("GET", "/events/{event}/delegates/{owner}/schedule", NO_ROLE, 404),
                row("GET", "/events/{event}/delegates/{owner}/schedule", REVIEWER, 404),
                row("GET", "/events/{event}/delegates/{owner}/schedule", OTHER_ORGANISER, 403).saying(UNIT),
                row("GET", "/events/{event}/delegates/{owner}/schedule", OWNER, 200),
                row("GET", "/events/{event}/delegates/{owner}/schedule", ORGANISER, 200),
                row("GET", "/events/{event}/delegates/{owner}/schedule", ORGANISER_FOLDED, 403).saying(UNIT),
                row("GET", "/events/{event}/delegates/{owner}/schedule", ABOVE_ORGANISER, 403).saying(UNIT),
                row("GET", "/events/{event}/delegates/{owner}/schedule", BELOW_ORGANISER, 403).saying(UNIT),
                row("GET", "/events/{event}/delegates/{owner}/schedule", ADMIN, 200),
                row("GET", "/events/{event}/delegates/{other}/schedule", OWNER, 404),
                row("GET", "/events/{unpublished}/delegates/{owner-unpublished}/schedule", OWNER, 200),
                row("GET", "/events/{unpublished}/delegates/{owner-unpublished}/schedule", ORGANISER, 403).saying(NOT_PUBLISHED),

                // Submitting a form: its owner, or the event's managers.
                row("POST", "/lessons/{fresh-attended}/forms", ANONYMOUS, FORM_OWNER, 401),
                row("POST", "/lessons/{fresh-attended}/forms", OTHER, FORM_OWNER, 404),
                row("POST", "/lessons/{fresh-attended}/forms", NO_ROLE, FORM_OWNER, 404),
                row("POST", "/lessons/{fresh-attended}/forms", REVIEWER, FORM_OWNER, 404),
                row("POST", "/lessons/{fresh-attended}/forms", OTHER_ORGANISER, FORM_OWNER, 403).saying(UNIT),
                row("POST", "/lessons/{fresh-attended}/forms", OWNER, FORM_OTHER, 404),
                row("POST", "/lessons/{fresh-attended}/forms", OWNER, FORM_OWNER, 201),
                row("POST", "/lessons/{fresh-attended}/forms", ORGANISER, FORM_OWNER, 201),
                row("POST", "/lessons/{fresh-attended}/forms", ADMIN, FORM_OWNER, 201),
                row("POST", "/lessons/{no-such-lesson}/forms", OWNER, FORM_OWNER, 404),

                // Reading and editing a form: its owner, or the event's managers.
                row("GET", "/lessons/{lesson}/forms/{owner}", ANONYMOUS, 401),
                row("GET", "/lessons/{lesson}/forms/{owner}", OTHER, 404),
                row("GET", "/lessons/{lesson}/forms/{owner}", NO_ROLE, 404),
                row("GET", "/lessons/{lesson}/forms/{owner}", REVIEWER, 404),
                row("GET", "/lessons/{lesson}/forms/{owner}", OTHER_ORGANISER, 403).saying(UNIT),
                row("GET", "/lessons/{lesson}/forms/{owner}", OWNER, 200),
                row("GET", "/lessons/{lesson}/forms/{owner}", ORGANISER, 200),
                row("GET", "/lessons/{lesson}/forms/{owner}", ADMIN, 200),
                row("GET", "/lessons/{lesson}/forms/{other}", OWNER, 404),
                row("GET", "/lessons/{lesson}/forms/{other}", OTHER, 200),

                row("PUT", "/lessons/{lesson}/forms/{owner}", ANONYMOUS, FORM_OWNER, 401),
                row("PUT", "/lessons/{lesson}/forms/{owner}", OTHER, FORM_OWNER, 404),
                row("PUT", "/lessons/{lesson}/forms/{owner}", NO_ROLE, FORM_OWNER, 404),
                row("PUT", "/lessons/{lesson}/forms/{owner}", REVIEWER, FORM_OWNER, 404),
                row("PUT", "/lessons/{lesson}/forms/{owner}", OTHER_ORGANISER, FORM_OWNER, 403).saying(UNIT),
                row("PUT", "/lessons/{lesson}/forms/{owner}", OWNER, FORM_OWNER, 200),
                row("PUT", "/lessons/{lesson}/forms/{owner}", ORGANISER, FORM_OWNER, 200),
                row("PUT", "/lessons/{lesson}/forms/{owner}", ADMIN, FORM_OWNER, 200),
                row("PUT", "/lessons/{lesson}/forms/{other}", OWNER, FORM_OTHER, 404),

                // Tokens that are not valid: refused on routes a valid token would pass, public ones included.
                row("GET", "/events/{event}/delegates/{owner}/schedule", EXPIRED, null, 401, INVALID_TOKEN),
                row("GET", "/events/{event}/delegates/{owner}/schedule", FOREIGN, null, 401, INVALID_TOKEN),
                row("GET", "/events/{event}/delegates/{owner}/schedule", OTHER_AUDIENCE, null, 401, INVALID_TOKEN),
                row("GET", "/events/{event}/lessons", EXPIRED, null, 401, INVALID_TOKEN));
    }

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEachKindOfCallerAsTheMatrixSays() {
        World world = new World(http, mongo, messages);
        return AccessMatrix.tests(matrix(), world::check);
    }

    /** Sends EventPublished for the event and waits until this service has learnt its unit. */
    static void publish(TestMessages messages, ReactiveMongoTemplate mongo, String eventId, String unit) {
        LocalDate day = LocalDate.of(2027, 3, 1);
        Scenario.when(() -> messages.send(new EventPublished(UUID.randomUUID(), Instant.now(), eventId, "Hội thảo chuyên đề giáo dục mầm non",
                "CONFERENCE", "PROVINCE", unit, day, day.plusDays(30), "Asia/Ho_Chi_Minh", 200, TestDirectory.id(unit))))
                .thenState(() -> assertThat(mongo.findById(eventId, ObservedEvent.class).block())
                .isNotNull().extracting(ObservedEvent::organiserUnit).isEqualTo(unit));
    }

    /** The objects the matrix's paths name, made through the API (as an administrator or their owners) and real messages. */
    static final class World {

        private static final AtomicInteger SLOTS = new AtomicInteger();
        private static final OffsetDateTime FIRST_SLOT = OffsetDateTime.parse("2027-03-01T08:00:00+07:00");

        final WebTestClient http;
        final Fixtures event;
        final Fixtures unpublished;
        final Fixtures otherUnitEvent;
        final String school = "Trường Mầm non Đồng Tâm " + UUID.randomUUID().toString().substring(0, 8);
        final String owner = "reg-owner-" + UUID.randomUUID();
        final String other = "reg-other-" + UUID.randomUUID();
        final String ownerUnpublished = "reg-owner-" + UUID.randomUUID();
        final String rotating;
        final String lesson;
        final String rotationLesson;
        final String rotation;
        final String unpublishedLesson;

        World(WebTestClient http, ReactiveMongoTemplate mongo, TestMessages messages) {
            this.http = http;
            event = new Fixtures(http, mongo);
            unpublished = new Fixtures(http, mongo);
            otherUnitEvent = new Fixtures(http, mongo);
            publish(messages, mongo, event.eventId, UNIT);
            publish(messages, mongo, otherUnitEvent.eventId, TestDirectory.SIBLING_OFFICE);
            event.observer(owner, OWNER_EMAIL_AS_REGISTERED, "Nguyễn Thị Hoà");
            event.observer(other, OTHER_EMAIL, "Trần Thị Lụa");
            rotating = event.observer("Đặng Văn Bình");
            unpublished.observer(ownerUnpublished, OWNER_EMAIL, "Nguyễn Thị Hoà");
            http.put().uri(API + "/events/{e}/form", event.eventId).bodyValue(TEMPLATE).exchange().expectStatus().isOk();

            lesson = lessonIn(event.eventId);
            book(lesson, owner);
            book(lesson, other);
            attend(lesson, owner, other);
            submit(lesson, owner, OWNER_EMAIL);
            submit(lesson, other, OTHER_EMAIL);

            rotationLesson = lessonIn(event.eventId);
            rotation = preview();
            unpublishedLesson = lessonIn(unpublished.eventId);
            http.post().uri(API + "/events/{e}/lessons", event.eventId).bodyValue(resolveBody(LESSON_IN_HELD_ROOM, new HashMap<>()))
                    .exchange().expectStatus().isCreated();
        }

        String lessonIn(String eventId) {
            return http.post().uri(API + "/events/{e}/lessons", eventId).bodyValue(resolveBody(LESSON, new HashMap<>()))
                    .exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        }

        void book(String lessonId, String registrationId) {
            http.post().uri(API + "/lessons/{l}/bookings", lessonId).bodyValue(Map.of("registrationId", registrationId))
                    .exchange().expectStatus().isCreated();
        }

        void attend(String lessonId, String... registrationIds) {
            http.post().uri(API + "/lessons/{l}/attendance", lessonId).bodyValue(Map.of("registrationIds", List.of(registrationIds)))
                    .exchange().expectStatus().isOk();
        }

        void submit(String lessonId, String registrationId, String email) {
            identity.as(http, TestIdentity.delegate(email)).post().uri(API + "/lessons/{l}/forms", lessonId)
                    .bodyValue(form(registrationId)).exchange().expectStatus().isCreated();
        }

        String preview() {
            return http.post().uri(API + "/events/{e}/rotations", event.eventId).bodyValue(resolveBody(ROTATION, new HashMap<>()))
                    .exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        }

        /** Replaces each {name} by the object it names; a {fresh-…} object is made once per row. */
        String resolve(String text, Map<String, String> made) {
            return Placeholders.resolve(text, made, this::named);
        }

        Object resolveBody(Object body, Map<String, String> made) {
            return Placeholders.resolveBody(body, made, this::named);
        }

        private String named(String name, Map<String, String> made) {
            return switch (name) {
                case "event" -> event.eventId;
                case "unpublished" -> unpublished.eventId;
                case "other-unit-event" -> otherUnitEvent.eventId;
                case "unknown" -> "evt-unknown-" + UUID.randomUUID();
                case "owner" -> owner;
                case "other" -> other;
                case "owner-unpublished" -> ownerUnpublished;
                case "rotating" -> rotating;
                case "lesson" -> lesson;
                case "rotation-lesson" -> rotationLesson;
                case "rotation" -> rotation;
                case "unpublished-lesson" -> unpublishedLesson;
                case "no-such-lesson" -> "les-" + UUID.randomUUID();
                case "no-such-rotation" -> "rot-" + UUID.randomUUID();
                case "school" -> school;
                // Every lesson gets a room and an hour of its own: no classroom or booking clashes between rows.
                case "room" -> "P" + UUID.randomUUID().toString().substring(0, 6);
                case "slot" -> String.valueOf(SLOTS.getAndIncrement());
                case "start" -> FIRST_SLOT.plusHours(Integer.parseInt(resolve("{slot}", made))).toString();
                case "end" -> FIRST_SLOT.plusHours(Integer.parseInt(resolve("{slot}", made))).plusMinutes(45).toString();
                case "fresh-lesson" -> lessonIn(event.eventId);
                case "fresh-unpublished-lesson" -> lessonIn(unpublished.eventId);
                case "fresh-booked" -> {
                    String id = lessonIn(event.eventId);
                    book(id, owner);
                    yield id;
                }
                case "fresh-attended" -> {
                    String id = lessonIn(event.eventId);
                    book(id, owner);
                    attend(id, owner);
                    yield id;
                }
                case "fresh-rotation" -> preview();
                default -> throw new IllegalArgumentException("The matrix names no object " + name);
            };
        }

        void check(Row c) {
            Map<String, String> made = new HashMap<>();
            String path = resolve(c.path(), made);
            AccessMatrix.check(http, c, API + path, MediaType.APPLICATION_JSON, c.body() == null ? null : resolveBody(c.body(), made));
        }
    }
}
