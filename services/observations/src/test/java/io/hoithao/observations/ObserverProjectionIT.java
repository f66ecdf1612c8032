package io.hoithao.observations;


import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPendingApproval;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class ObserverProjectionIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    static RegistrationConfirmed confirmed(String eventId, String registrationId, String name) {
        return new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), eventId, registrationId,
                registrationId + "@mn.edu.vn", name, "Phòng GD&ĐT Chợ Mới", "MANAGER", "K7QM-3XPD");
    }

    @Test
    void confirmedDelegatesMayObserveAndCancelledOnesMayNot() {
        String eventId = "evt-" + UUID.randomUUID();
        RegistrationConfirmed lan = confirmed(eventId, "r-lan", "Hoàng Thị Lan");
        RegistrationConfirmed binh = confirmed(eventId, "r-binh", "Đặng Văn Bình");
        messages.send(lan);
        messages.send(binh);
        messages.send(lan); // redelivered

        Scenario.eventually(() ->
                http.get().uri("/api/observations/events/" + eventId + "/observers").exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.length()").isEqualTo(2)
                        .jsonPath("$[0].fullName").isEqualTo("Hoàng Thị Lan")
                        .jsonPath("$[1].fullName").isEqualTo("Đặng Văn Bình"));

        messages.send(new RegistrationCancelled(UUID.randomUUID(), Instant.now(), eventId, "r-lan",
                lan.delegateEmail(), "Bận công tác", true));
        messages.send(lan); // a late copy of the confirmation must not bring her back

        String later = "evt-" + UUID.randomUUID();
        Scenario.when(() -> messages.send(confirmed(later, "r-marker", "Marker")))
                .thenState(() ->
                http.get().uri("/api/observations/events/" + later + "/observers").exchange()
                        .expectBody().jsonPath("$.length()").isEqualTo(1));
        http.get().uri("/api/observations/events/" + eventId + "/observers").exchange()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].registrationId").isEqualTo("r-binh");
    }

    @Test
    void waitlistedAndPendingDelegatesAreToldWhyTheyMayNotBookYet() {
        Fixtures fixtures = new Fixtures(http, mongo);
        String eventId = fixtures.eventId;
        String lessonId = fixtures.createLesson("Khám phá nước", "A1", "2026-10-25T08:00:00+07:00", "2026-10-25T08:45:00+07:00", 8);
        String unit = "Phòng GD&ĐT Na Rì";
        messages.send(new RegistrationWaitlisted(UUID.randomUUID(), Instant.now(), eventId, "r-mai", Fixtures.emailOf("r-mai"),
                "Lộc Thị Mai", unit, "TEACHER"));
        messages.send(new RegistrationPendingApproval(UUID.randomUUID(), Instant.now(), eventId, "r-thu", Fixtures.emailOf("r-thu"),
                "Hà Thị Thu", unit, "TEACHER"));
        messages.send(new RegistrationWaitlisted(UUID.randomUUID(), Instant.now(), eventId, "r-hoa", Fixtures.emailOf("r-hoa"),
                "Nông Thị Hoa", unit, "TEACHER"));
        messages.send(new RegistrationPromoted(UUID.randomUUID(), Instant.now(), eventId, "r-hoa", Fixtures.emailOf("r-hoa"),
                "Nông Thị Hoa", unit, "TEACHER", "K7QM-4XPD"));
        // a late copy of the waiting-list message must not take her promotion back
        RegistrationConfirmed binh = confirmed(eventId, "r-binh", "Đặng Văn Bình");
        messages.send(binh);
        messages.send(new RegistrationWaitlisted(UUID.randomUUID(), Instant.now(), eventId, "r-binh", binh.delegateEmail(),
                binh.fullName(), binh.unit(), "MANAGER"));

        Scenario.eventually(() ->
                fixtures.asDelegate("r-thu").post().uri("/api/observations/lessons/{l}/bookings", lessonId)
                        .bodyValue(java.util.Map.of("registrationId", "r-thu")).exchange()
                        .expectStatus().isEqualTo(409)
                        .expectBody()
                        .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/delegate-not-confirmed")
                        .jsonPath("$.registrationStatus").isEqualTo("PENDING_APPROVAL"));
        fixtures.asDelegate("r-mai").post().uri("/api/observations/lessons/{l}/bookings", lessonId)
                .bodyValue(java.util.Map.of("registrationId", "r-mai")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/delegate-not-confirmed")
                .jsonPath("$.registrationStatus").isEqualTo("WAITLISTED")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail).contains("waiting list"));
        Scenario.eventually(() ->
                fixtures.asDelegate("r-hoa").post().uri("/api/observations/lessons/{l}/bookings", lessonId)
                        .bodyValue(java.util.Map.of("registrationId", "r-hoa")).exchange()
                        .expectStatus().isCreated());
        Scenario.eventually(() ->
                fixtures.asDelegate("r-binh").post().uri("/api/observations/lessons/{l}/bookings", lessonId)
                        .bodyValue(java.util.Map.of("registrationId", "r-binh")).exchange()
                        .expectStatus().isCreated());
        http.get().uri("/api/observations/events/" + eventId + "/observers").exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
    }
}
