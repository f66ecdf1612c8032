package io.hoithao.observations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.observations.ObserverWaitlisted;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

@IntegrationTest
class BookingIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @LocalServerPort
    int port;

    @RegisterExtension
    final TestMessages messages = new TestMessages();
    Fixtures fixtures;

    @BeforeEach
    void event() {
        fixtures = new Fixtures(http, mongo);
    }

    @RepeatedTest(3)
    void twoHundredConcurrentBookingsForEightSeatsBookEightAndWaitlistTheRest() {
        TestMessages.Subscription published = messages.subscribe(Topics.OBSERVATIONS);
        String lessonId = fixtures.createLesson("Khám phá nước", "A1", "2026-10-25T08:00:00+07:00", "2026-10-25T08:45:00+07:00", 8);
        List<String> delegates = IntStream.range(0, 200).mapToObj(i -> fixtures.observer("Đại biểu " + i)).toList();

        ConnectionProvider pool = ConnectionProvider.builder("booking-burst").maxConnections(200).pendingAcquireMaxCount(-1).build();
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool))).build();
        // Each delegate books for themselves, with their own token.
        Map<String, String> tokens = delegates.stream().collect(Collectors.toMap(r -> r,
                r -> TestIdentity.get().bearer(TestIdentity.delegate(Fixtures.emailOf(r)))));
        List<Integer> statuses = Flux.fromIterable(delegates)
                .flatMap(registrationId -> client.post().uri("/api/observations/lessons/{l}/bookings", lessonId)
                        .header(HttpHeaders.AUTHORIZATION, tokens.get(registrationId))
                        .bodyValue(Map.of("registrationId", registrationId))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 200)
                .collectList().block(Duration.ofSeconds(120));
        pool.dispose();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(8);
        assertThat(statuses).filteredOn(s -> s == 202).hasSize(192);
        http.get().uri("/api/observations/lessons/{l}/observers", lessonId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.booked.length()").isEqualTo(8)
                .jsonPath("$.waiting.length()").isEqualTo(192)
                .jsonPath("$.seatsLeft").isEqualTo(0);
        Scenario.eventually(() -> {
            // Delivery is at least once: a relay retry may publish a message twice, consumers dedupe by message id.
            // Kept in the order received (the outbox publishes a lesson's messages in order).
            List<SeatBooked> booked = List.copyOf(published.messages(SeatBooked.class).stream().filter(m -> m.lessonId().equals(lessonId))
                    .collect(Collectors.toMap(SeatBooked::messageId, m -> m, (a, b) -> a, LinkedHashMap::new)).values());
            assertThat(booked).hasSize(8);
            // Each seat decision was taken on exactly the state it replaced: the countdown is exact, each figure
            // once, and the revisions increase strictly along it.
            assertThat(booked).extracting(SeatBooked::seatsLeft).containsExactly(7, 6, 5, 4, 3, 2, 1, 0);
            assertThat(booked).extracting(SeatBooked::revision).doesNotHaveDuplicates().isSorted();
            assertThat(booked).extracting(SeatBooked::registrationId).doesNotHaveDuplicates();
            assertThat(published.messages(ObserverWaitlisted.class).stream().filter(m -> m.lessonId().equals(lessonId))
                    .map(ObserverWaitlisted::messageId).distinct()).hasSize(192);
        });
    }

    @Test
    void aBookingThatClashesWithAnotherOfTheDelegatesIsRefusedNamingTheClash() {
        String lan = fixtures.observer("Hoàng Thị Lan");
        String water = fixtures.createLesson("Bé tìm hiểu về nước", "A1", "2026-10-25T08:00:00+07:00", "2026-10-25T08:45:00+07:00", 6);
        String music = fixtures.createLesson("Âm nhạc: Cháu yêu bà", "B2", "2026-10-25T08:30:00+07:00", "2026-10-25T09:15:00+07:00", 6);
        String later = fixtures.createLesson("Làm quen chữ cái", "C3", "2026-10-25T08:45:00+07:00", "2026-10-25T09:30:00+07:00", 6);

        fixtures.booked(water, lan);
        fixtures.book(music, lan).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/booking-clash")
                .jsonPath("$.clashingLessonId").isEqualTo(water)
                .jsonPath("$.clashingTitle").isEqualTo("Bé tìm hiểu về nước");
        fixtures.booked(later, lan); // starts when the first ends: no clash
        fixtures.book(water, lan).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/already-booked");

        http.get().uri("/api/observations/events/{e}/delegates/{r}/schedule", fixtures.eventId, lan).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].lesson.id").isEqualTo(water)
                .jsonPath("$[1].lesson.id").isEqualTo(later);
        // The refused booking left no seat and no slot behind.
        http.get().uri("/api/observations/lessons/{l}/observers", music).exchange()
                .expectBody().jsonPath("$.booked.length()").isEqualTo(0);
    }

    @Test
    void concurrentClashingBookingsOfOneDelegateCannotBothSucceed() {
        String binh = fixtures.observer("Đặng Văn Bình");
        List<String> lessons = IntStream.range(0, 6).mapToObj(i -> fixtures.createLesson("Tiết " + i, "P" + i,
                "2026-10-25T10:00:00+07:00", "2026-10-25T10:40:00+07:00", 6)).toList();

        String token = TestIdentity.get().bearer(TestIdentity.delegate(Fixtures.emailOf(binh)));
        List<Integer> statuses = Flux.fromIterable(lessons)
                .flatMap(lessonId -> WebClient.create("http://localhost:" + port).post()
                        .uri("/api/observations/lessons/{l}/bookings", lessonId).header(HttpHeaders.AUTHORIZATION, token)
                        .bodyValue(Map.of("registrationId", binh))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 6)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
    }

    @Test
    void twoLessonsInOneClassroomCannotOverlap() {
        String water = fixtures.createLesson("Bé tìm hiểu về nước", "A1", "2026-10-25T08:00:00+07:00", "2026-10-25T08:45:00+07:00", 6);

        http.post().uri("/api/observations/events/{e}/lessons", fixtures.eventId)
                .bodyValue(Fixtures.lesson("Trò chơi dân gian", "a1 ", "2026-10-25T08:30:00+07:00", "2026-10-25T09:00:00+07:00", 6))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/classroom-clash")
                .jsonPath("$.clashingLessonId").isEqualTo(water);
        fixtures.createLesson("Trò chơi dân gian", "A1", "2026-10-25T08:45:00+07:00", "2026-10-25T09:15:00+07:00", 6);
    }

    @Test
    void aFreedSeatGoesToTheFirstOnTheWaitingList() {
        TestMessages.Subscription published = messages.subscribe(Topics.OBSERVATIONS);
        String lessonId = fixtures.createLesson("Tạo hình: Vẽ hoa", "A2", "2026-10-25T14:00:00+07:00", "2026-10-25T14:40:00+07:00", 1);
        String first = fixtures.observer("Người thứ nhất");
        String second = fixtures.observer("Người thứ hai");
        String third = fixtures.observer("Người thứ ba");
        fixtures.booked(lessonId, first);
        fixtures.book(lessonId, second).expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectBody().jsonPath("$.status").isEqualTo("WAITLISTED").jsonPath("$.waitlistPosition").isEqualTo(1);
        fixtures.book(lessonId, third).expectStatus().isEqualTo(HttpStatus.ACCEPTED);

        // The delegate gives up her own seat.
        fixtures.asDelegate(first).delete().uri("/api/observations/lessons/{l}/bookings/{r}", lessonId, first).exchange()
                .expectStatus().isNoContent();

        http.get().uri("/api/observations/lessons/{l}/observers", lessonId).exchange()
                .expectBody()
                .jsonPath("$.booked.length()").isEqualTo(1)
                .jsonPath("$.booked[0].registrationId").isEqualTo(second)
                .jsonPath("$.booked[0].via").isEqualTo("PROMOTED")
                .jsonPath("$.waiting[0].registrationId").isEqualTo(third);
        Scenario.eventually(() -> {
            assertThat(published.messages(SeatReleased.class)).anyMatch(m -> m.lessonId().equals(lessonId) && m.registrationId().equals(first)
                    && m.reason().equals("Withdrawn by the delegate"));
            assertThat(published.messages(SeatBooked.class)).anyMatch(m -> m.lessonId().equals(lessonId) && m.registrationId().equals(second));
        });
    }

    @Test
    void aCancelledRegistrationReleasesItsSeatsAndPromotesTheWaitingList() {
        TestMessages.Subscription published = messages.subscribe(Topics.OBSERVATIONS);
        String lessonId = fixtures.createLesson("Vận động: Bò chui qua cổng", "A3", "2026-10-26T08:00:00+07:00", "2026-10-26T08:35:00+07:00", 1);
        String other = fixtures.createLesson("Văn học: Truyện Tích Chu", "B3", "2026-10-26T09:00:00+07:00", "2026-10-26T09:35:00+07:00", 4);
        String leaving = fixtures.observer("Trần Văn Đức");
        String waiting = fixtures.observer("Lý Thị Mai");
        fixtures.booked(lessonId, leaving);
        fixtures.booked(other, leaving);
        fixtures.book(lessonId, waiting).expectStatus().isEqualTo(HttpStatus.ACCEPTED);

        messages.send(new RegistrationCancelled(UUID.randomUUID(), Instant.now(), fixtures.eventId, leaving,
                leaving + "@mn.edu.vn", "Bận công tác", true));

        Scenario.eventually(() -> http.get()
                .uri("/api/observations/lessons/{l}/observers", lessonId).exchange()
                .expectBody()
                .jsonPath("$.booked.length()").isEqualTo(1)
                .jsonPath("$.booked[0].registrationId").isEqualTo(waiting)
                .jsonPath("$.waiting.length()").isEqualTo(0));
        http.get().uri("/api/observations/lessons/{l}/observers", other).exchange()
                .expectBody().jsonPath("$.booked.length()").isEqualTo(0);
        http.get().uri("/api/observations/events/{e}/delegates/{r}/schedule", fixtures.eventId, leaving).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        Scenario.eventually(() ->
                assertThat(published.messages(SeatReleased.class)).filteredOn(m -> m.registrationId().equals(leaving)).hasSize(2));
        // No longer confirmed: cannot book again.
        fixtures.book(other, leaving).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/delegate-not-confirmed");
    }
}
