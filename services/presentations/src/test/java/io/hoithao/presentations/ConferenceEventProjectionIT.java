package io.hoithao.presentations;


import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class ConferenceEventProjectionIT {

    @Autowired
    WebTestClient http;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    /** The event and its call for papers are public: read without a token. */
    @Test
    void learnsOfPublishedAndCancelledEventsWithTheUnitThatOrganisesThem() {
        WebTestClient http = TestIdentity.anonymous(this.http);
        String eventId = "evt-" + UUID.randomUUID();
        http.get().uri("/api/presentations/events/" + eventId).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        Scenario.when(() -> messages.send(new EventPublished(UUID.randomUUID(), Instant.now(), eventId, "Hội thảo chia sẻ kinh nghiệm",
                "WORKSHOP", "DISTRICT", "Phòng GD&ĐT Long Biên", LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 21),
                "Asia/Ho_Chi_Minh", 80)))
                .thenState(() ->
                http.get().uri("/api/presentations/events/" + eventId).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.title").isEqualTo("Hội thảo chia sẻ kinh nghiệm")
                        .jsonPath("$.organiserUnit").isEqualTo("Phòng GD&ĐT Long Biên")
                        .jsonPath("$.startDate").isEqualTo("2026-12-21")
                        .jsonPath("$.cancelled").isEqualTo(false));

        Scenario.when(() -> messages.send(new EventCancelled(UUID.randomUUID(), Instant.now(), eventId, null)))
                .thenState(() ->
                http.get().uri("/api/presentations/events/" + eventId).exchange()
                        .expectBody().jsonPath("$.cancelled").isEqualTo(true)
                        .jsonPath("$.organiserUnit").isEqualTo("Phòng GD&ĐT Long Biên"));
    }

    /** A reschedule that overtakes the publication creates the event without its unit; the publication fills it in. */
    @Test
    void theOrganisingUnitArrivesWithThePublicationWhateverCameFirst() {
        String eventId = "evt-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 12, 22);
        Scenario.when(() -> messages.send(new EventRescheduled(UUID.randomUUID(), Instant.now(), eventId, day, day, "Asia/Ho_Chi_Minh", 2)))
                .thenState(() ->
                http.get().uri("/api/presentations/events/" + eventId).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.startDate").isEqualTo("2026-12-22").jsonPath("$.organiserUnit").doesNotExist());
        Scenario.when(() -> messages.send(new EventPublished(UUID.randomUUID(), Instant.now(), eventId, "Hội thảo chia sẻ kinh nghiệm",
                "WORKSHOP", "DISTRICT", "Phòng GD&ĐT Long Biên", day, day, "Asia/Ho_Chi_Minh", 80)))
                .thenState(() ->
                http.get().uri("/api/presentations/events/" + eventId).exchange()
                        .expectBody().jsonPath("$.organiserUnit").isEqualTo("Phòng GD&ĐT Long Biên"));
    }
}
