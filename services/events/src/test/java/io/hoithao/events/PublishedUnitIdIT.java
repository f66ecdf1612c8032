package io.hoithao.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.events.unit.Units;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The other services manage an event by its unit's id, which {@code EventPublished} tells them: the unit of the
 * directory whose official name is exactly the event's unit. A name that folds like it is another unit's, and no id.
 */
@IntegrationTest
class PublishedUnitIdIT {

    @Autowired
    WebTestClient http;

    final TestMessages messages = new TestMessages();

    @AfterEach
    void close() {
        messages.close();
    }

    @Test
    void anEventIsPublishedWithItsUnitsIdAndAnUnknownUnitWithNone() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String hoa = "Sở GD&ĐT Tân Hòa " + suffix;
        String hoaId = Units.create(http, hoa, "DEPARTMENT", "PROVINCE", null);
        String acuteId = Units.create(http, "Sở GD&ĐT Tân Hóa " + suffix, "DEPARTMENT", "PROVINCE", null);
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);

        String known = publish(hoa);
        String unknown = publish("Trường Mầm non Chưa Có " + suffix);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<EventPublished> published = topic.messages().stream().filter(EventPublished.class::isInstance)
                    .map(EventPublished.class::cast).filter(m -> List.of(known, unknown).contains(m.eventId())).toList();
            assertThat(published).hasSize(2);
            EventPublished hers = published.stream().filter(m -> m.eventId().equals(known)).findFirst().orElseThrow();
            assertThat(hers.organiserUnitId()).isEqualTo(hoaId).isNotEqualTo(acuteId);
            assertThat(hers.organiserUnit()).isEqualTo(hoa);
            assertThat(published.stream().filter(m -> m.eventId().equals(unknown)).findFirst().orElseThrow().organiserUnitId())
                    .isNull();
        });
    }

    private String publish(String unit) {
        String id = http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"title": "Sinh hoạt chuyên đề", "kind": "THEMATIC_SESSION", "level": "SCHOOL", "organiserUnit": "%s",
                 "startDate": "2026-10-25", "endDate": "2026-10-25", "capacity": 30}
                """.formatted(unit)).exchange().expectStatus().isCreated()
                .returnResult(Void.class).getResponseHeaders().getLocation().getPath().substring("/api/events/".length());
        http.post().uri("/api/events/" + id + "/publish").exchange().expectStatus().isOk();
        return id;
    }
}
