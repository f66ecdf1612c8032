package io.hoithao.observations;

import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class ObserverProjectionIT {

    @Autowired
    WebTestClient http;

    final TestMessages messages = new TestMessages();

    @AfterEach
    void close() {
        messages.close();
    }

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

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
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
        messages.send(confirmed(later, "r-marker", "Marker"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/api/observations/events/" + later + "/observers").exchange()
                        .expectBody().jsonPath("$.length()").isEqualTo(1));
        http.get().uri("/api/observations/events/" + eventId + "/observers").exchange()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].registrationId").isEqualTo("r-binh");
    }
}
