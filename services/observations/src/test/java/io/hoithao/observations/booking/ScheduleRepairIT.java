package io.hoithao.observations.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.observations.Fixtures;
import io.hoithao.observations.lesson.IntervalClaims;
import io.hoithao.observations.lesson.Lesson;
import io.hoithao.observations.lesson.Slot;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
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
 * {@link ScheduleRepair} after a simulated crash: the half-finished state a crash between the two writes
 * of a booking or a release leaves is written straight to Mongo, then one pass of the repair is run.
 */
@IntegrationTest
class ScheduleRepairIT {

    /** Well past the grace period (60 s), and well within it. */
    private static final Duration OLD = Duration.ofMinutes(10);
    private static final Duration FRESH = Duration.ofSeconds(5);

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    ScheduleRepair repair;

    @RegisterExtension
    final TestMessages messages = new TestMessages();
    Fixtures fixtures;

    @BeforeEach
    void event() {
        fixtures = new Fixtures(http, mongo);
    }

    @Test
    void aSlotWithNoSeatBehindItIsReleasedAfterTheGraceButNotBefore() {
        String water = fixtures.createLesson("Bé tìm hiểu về nước", "A1", "2026-11-02T08:00:00+07:00", "2026-11-02T08:45:00+07:00", 4);
        String music = fixtures.createLesson("Âm nhạc: Cháu yêu bà", "B1", "2026-11-02T08:30:00+07:00", "2026-11-02T09:15:00+07:00", 4);
        String crashed = fixtures.observer("Người bị treo");        // claimed water's slot, then the service died
        String inFlight = fixtures.observer("Người đang đặt");      // claimed water's slot a moment ago, seat write on its way
        String holder = fixtures.observer("Người giữ chỗ");         // a real seat, claimed long ago
        fixtures.booked(water, holder);
        slotOnly(crashed, water, "Bé tìm hiểu về nước", "2026-11-02T01:00:00Z", "2026-11-02T01:45:00Z", OLD);
        slotOnly(inFlight, water, "Bé tìm hiểu về nước", "2026-11-02T01:00:00Z", "2026-11-02T01:45:00Z", FRESH);
        backdate(holder, water, OLD);

        // The orphan slot is harmful: it blocks an overlapping lesson the delegate never got a seat for.
        fixtures.book(music, crashed).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/booking-clash")
                .jsonPath("$.clashingLessonId").isEqualTo(water);

        repair.repair().block(Duration.ofSeconds(30));

        assertThat(slotsOf(crashed)).isEmpty();
        assertThat(slotsOf(inFlight)).extracting(Slot::lessonId).containsExactly(water);
        assertThat(slotsOf(holder)).extracting(Slot::lessonId).containsExactly(water);
        http.get().uri("/api/observations/lessons/{l}/observers", water).exchange()
                .expectBody().jsonPath("$.booked.length()").isEqualTo(1)
                .jsonPath("$.booked[0].registrationId").isEqualTo(holder);
        fixtures.booked(music, crashed);
    }

    @Test
    void aFreeSeatLeftUnpromotedByACrashGoesToTheFirstWaitingObserver() {
        TestMessages.Subscription published = messages.subscribe(Topics.OBSERVATIONS);
        String lessonId = fixtures.createLesson("Tạo hình: Nặn quả", "C1", "2026-11-02T14:00:00+07:00", "2026-11-02T14:40:00+07:00", 1);
        String leaving = fixtures.observer("Người rút lui");
        String first = fixtures.observer("Người chờ thứ nhất");
        String second = fixtures.observer("Người chờ thứ hai");
        fixtures.booked(lessonId, leaving);
        fixtures.book(lessonId, first).expectStatus().isEqualTo(HttpStatus.ACCEPTED);
        fixtures.book(lessonId, second).expectStatus().isEqualTo(HttpStatus.ACCEPTED);

        // The seat was given up and the schedule freed, then the service died before promoting.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(lessonId)),
                new Update().pull("bookings", new Document("registrationId", leaving)).inc("version", 1), Lesson.class).block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(leaving)),
                new Update().pull(IntervalClaims.SLOTS, new Document("lessonId", lessonId)), Schedules.COLLECTION).block();
        http.get().uri("/api/observations/lessons/{l}/observers", lessonId).exchange()
                .expectBody().jsonPath("$.booked.length()").isEqualTo(0).jsonPath("$.waiting.length()").isEqualTo(2);

        repair.repair().block(Duration.ofSeconds(30));

        http.get().uri("/api/observations/lessons/{l}/observers", lessonId).exchange()
                .expectBody()
                .jsonPath("$.seatsLeft").isEqualTo(0)
                .jsonPath("$.booked.length()").isEqualTo(1)
                .jsonPath("$.booked[0].registrationId").isEqualTo(first)
                .jsonPath("$.booked[0].via").isEqualTo("PROMOTED")
                .jsonPath("$.waiting.length()").isEqualTo(1)
                .jsonPath("$.waiting[0].registrationId").isEqualTo(second);
        // The waiting place kept its slot, which is now the seat's.
        assertThat(slotsOf(first)).extracting(Slot::lessonId).containsExactly(lessonId);
        Scenario.eventually(() ->
                assertThat(published.messages(SeatBooked.class)).filteredOn(m -> m.lessonId().equals(lessonId))
                        .filteredOn(m -> m.registrationId().equals(first))
                        .isNotEmpty()
                        .allSatisfy(m -> assertThat(m.seatsLeft()).isZero()));

        // A second pass finds nothing more to do: the lesson is full again.
        repair.repair().block(Duration.ofSeconds(30));
        http.get().uri("/api/observations/lessons/{l}/observers", lessonId).exchange()
                .expectBody().jsonPath("$.booked.length()").isEqualTo(1).jsonPath("$.waiting[0].registrationId").isEqualTo(second);
    }

    private void slotOnly(String registrationId, String lessonId, String title, String startsAt, String endsAt, Duration age) {
        Slot slot = new Slot(lessonId, title, Instant.parse(startsAt), Instant.parse(endsAt), claimedAgo(age));
        mongo.insert(new Document("_id", registrationId).append("eventId", fixtures.eventId)
                .append(IntervalClaims.SLOTS, List.of(IntervalClaims.slotDocument(slot))), Schedules.COLLECTION).block();
    }

    private void backdate(String registrationId, String lessonId, Duration age) {
        long changed = mongo.updateFirst(Query.query(Criteria.where("_id").is(registrationId).and(IntervalClaims.SLOTS + ".lessonId").is(lessonId)),
                new Update().set(IntervalClaims.SLOTS + ".$.claimedAt", Date.from(claimedAgo(age))), Schedules.COLLECTION)
                .block().getModifiedCount();
        assertThat(changed).isEqualTo(1);
    }

    private static Instant claimedAgo(Duration age) {
        return Instant.now().minus(age).truncatedTo(ChronoUnit.MILLIS);
    }

    private List<Slot> slotsOf(String registrationId) {
        return mongo.findById(registrationId, Document.class, Schedules.COLLECTION).map(IntervalClaims::slots)
                .defaultIfEmpty(List.of()).block();
    }
}
