package io.hoithao.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.events.unit.Units;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The other services manage an event by its unit's id, which {@code EventPublished} tells them: the id the event
 * was created with. Two units whose names fold alike keep their own ids; an id the directory does not have makes no
 * event.
 */
@IntegrationTest
class PublishedUnitIdIT {

    @Autowired
    WebTestClient http;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @Test
    void anEventIsPublishedWithItsUnitsIdAndAnUnknownUnitIsRefused() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String hoa = "Sở GD&ĐT Tân Hòa " + suffix;
        String acute = "Sở GD&ĐT Tân Hóa " + suffix;
        String hoaId = Units.create(http, hoa, "DEPARTMENT", "PROVINCE", null);
        String acuteId = Units.create(http, acute, "DEPARTMENT", "PROVINCE", null);
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);

        String ofHoa = publish(hoaId);
        String ofAcute = publish(acuteId);
        create("no-such-unit-" + suffix).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("organiserUnitId");

        Scenario.eventually(() -> {
            List<EventPublished> published = topic.messages().stream().filter(EventPublished.class::isInstance)
                    .map(EventPublished.class::cast).filter(m -> List.of(ofHoa, ofAcute).contains(m.eventId())).toList();
            assertThat(published).hasSize(2);
            EventPublished hers = published.stream().filter(m -> m.eventId().equals(ofHoa)).findFirst().orElseThrow();
            assertThat(hers.organiserUnitId()).isEqualTo(hoaId);
            assertThat(hers.organiserUnit()).isEqualTo(hoa);
            EventPublished other = published.stream().filter(m -> m.eventId().equals(ofAcute)).findFirst().orElseThrow();
            assertThat(other.organiserUnitId()).isEqualTo(acuteId);
            assertThat(other.organiserUnit()).isEqualTo(acute);
        });
    }

    private WebTestClient.ResponseSpec create(String unitId) {
        return http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"title": "Sinh hoạt chuyên đề", "kind": "THEMATIC_SESSION", "level": "SCHOOL", "organiserUnitId": "%s",
                 "startDate": "2026-10-25", "endDate": "2026-10-25", "capacity": 30}
                """.formatted(unitId)).exchange();
    }

    private String publish(String unitId) {
        String id = create(unitId).expectStatus().isCreated()
                .returnResult(Void.class).getResponseHeaders().getLocation().getPath().substring("/api/events/".length());
        http.post().uri("/api/events/" + id + "/publish").exchange().expectStatus().isOk();
        return id;
    }
}
