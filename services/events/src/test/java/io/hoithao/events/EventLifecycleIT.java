package io.hoithao.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventsMessage;
import io.hoithao.contracts.events.RegistrationClosed;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.contracts.events.EventCompleted;
import io.hoithao.contracts.events.EventStarted;
import io.hoithao.events.event.EventStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class EventLifecycleIT {

    static final String PROVINCIAL_REVIEW = """
            {"title": "Hội nghị – hội thảo sơ kết 2 năm chuyên đề Xây dựng trường mầm non lấy trẻ làm trung tâm",
             "description": "Sở GD&ĐT Bắc Kạn tổ chức tại huyện Chợ Mới",
             "kind": "CONFERENCE", "level": "PROVINCE", "organiserUnitId": "%s",
             "startDate": "2026-10-25", "endDate": "2026-10-26", "capacity": 120}
            """.formatted(TestIdentity.unitId("Sở GD&ĐT Bắc Kạn"));

    @Autowired
    WebTestClient http;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    String create() {
        return http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue(PROVINCIAL_REVIEW)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/events/[0-9a-f-]{36}")
                .expectBody()
                .jsonPath("$.status").isEqualTo("DRAFT")
                .jsonPath("$.timeZone").isEqualTo("Asia/Ho_Chi_Minh")
                .jsonPath("$.title").isEqualTo("Hội nghị – hội thảo sơ kết 2 năm chuyên đề Xây dựng trường mầm non lấy trẻ làm trung tâm")
                .returnResult().getResponseHeaders().getLocation().getPath().substring("/api/events/".length());
    }

    WebTestClient.ResponseSpec post(String path) {
        return http.post().uri(path).exchange();
    }

    @Test
    void publishingAndOpeningRegistrationAreToldOnKafkaInOrder() {
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);
        String id = create();

        post("/api/events/" + id + "/publish").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
        post("/api/events/" + id + "/registration/open").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REGISTRATION_OPEN");
        post("/api/events/" + id + "/registration/close").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REGISTRATION_CLOSED");
        http.post().uri("/api/events/" + id + "/cancel").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Bão số 3")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

        Scenario.eventually(() -> {
            List<EventsMessage> ours = topic.messages().stream()
                    .filter(m -> m.eventId().equals(id)).map(EventsMessage.class::cast).toList();
            assertThat(ours).extracting(m -> m.getClass().getSimpleName())
                    .containsExactly("EventPublished", "RegistrationOpened", "RegistrationClosed", "EventCancelled");
            EventPublished published = (EventPublished) ours.get(0);
            assertThat(published.capacity()).isEqualTo(120);
            assertThat(published.organiserUnit()).isEqualTo("Sở GD&ĐT Bắc Kạn");
            assertThat(((RegistrationOpened) ours.get(1)).capacity()).isEqualTo(120);
            assertThat(ours.get(2)).isInstanceOf(RegistrationClosed.class);
            assertThat(((EventCancelled) ours.get(3)).reason()).isEqualTo("Bão số 3");
        });
        http.get().uri("/api/events/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(4);
    }

    @Test
    void aForbiddenTransitionIs409NamingTheCurrentState() {
        String id = create();
        post("/api/events/" + id + "/registration/open")
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/invalid-transition")
                .jsonPath("$.currentState").isEqualTo("DRAFT")
                .jsonPath("$.requestedState").isEqualTo("REGISTRATION_OPEN");

        post("/api/events/" + id + "/publish").expectStatus().isOk();
        post("/api/events/" + id + "/publish").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("PUBLISHED");
        http.get().uri("/api/events/" + id).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("PUBLISHED")
                .jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void badInputIsRejectedWithFieldErrorsAndNothingIsStored() {
        http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"\", \"kind\": \"CONFERENCE\", \"level\": \"PROVINCE\", \"organiserUnitId\": \"so-gd-dt\","
                        + " \"startDate\": \"2026-10-25\", \"endDate\": \"2026-10-26\", \"capacity\": 0}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("capacity")
                .jsonPath("$.errors[1].field").isEqualTo("title");
        http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(PROVINCIAL_REVIEW.replace("\"2026-10-26\"", "\"2026-10-24\""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("endDate");
        http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(PROVINCIAL_REVIEW.replace("\"kind\": \"CONFERENCE\"", "\"kind\": \"PICNIC\""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/events/no-such-event").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-found");
        http.get().uri("/api/events?size=500").exchange().expectStatus().isBadRequest();
    }

    /** The request that asks for each state, and a way to reach each state from a new draft. */
    static final Map<EventStatus, String> ACTION = new EnumMap<>(Map.of(
            EventStatus.PUBLISHED, "/publish",
            EventStatus.REGISTRATION_OPEN, "/registration/open",
            EventStatus.REGISTRATION_CLOSED, "/registration/close",
            EventStatus.IN_PROGRESS, "/start",
            EventStatus.COMPLETED, "/complete",
            EventStatus.CANCELLED, "/cancel"));
    static final Map<EventStatus, List<EventStatus>> PATH = new EnumMap<>(Map.of(
            EventStatus.DRAFT, List.of(),
            EventStatus.PUBLISHED, List.of(EventStatus.PUBLISHED),
            EventStatus.REGISTRATION_OPEN, List.of(EventStatus.PUBLISHED, EventStatus.REGISTRATION_OPEN),
            EventStatus.REGISTRATION_CLOSED, List.of(EventStatus.PUBLISHED, EventStatus.REGISTRATION_OPEN, EventStatus.REGISTRATION_CLOSED),
            EventStatus.IN_PROGRESS, List.of(EventStatus.PUBLISHED, EventStatus.IN_PROGRESS),
            EventStatus.COMPLETED, List.of(EventStatus.PUBLISHED, EventStatus.IN_PROGRESS, EventStatus.COMPLETED),
            EventStatus.CANCELLED, List.of(EventStatus.CANCELLED)));

    String eventIn(EventStatus state) {
        String id = create();
        PATH.get(state).forEach(step -> post("/api/events/" + id + ACTION.get(step)).expectStatus().isOk());
        return id;
    }

    @Test
    void everyTransitionIsAllowedOrRefusedAsTheLifecycleSays() {
        for (EventStatus from : EventStatus.values()) {
            String id = eventIn(from);
            for (EventStatus to : ACTION.keySet()) {
                if (!from.canBecome(to)) {
                    post("/api/events/" + id + ACTION.get(to)).expectStatus().isEqualTo(409)
                            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .expectBody()
                            .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/invalid-transition")
                            .jsonPath("$.currentState").isEqualTo(from.name())
                            .jsonPath("$.requestedState").isEqualTo(to.name())
                            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(from.name()));
                }
            }
            http.get().uri("/api/events/" + id).exchange().expectBody()
                    .jsonPath("$.status").isEqualTo(from.name())
                    .jsonPath("$.version").isEqualTo(PATH.get(from).size());
            for (EventStatus to : ACTION.keySet()) {
                if (from.canBecome(to)) {
                    String fresh = eventIn(from);
                    post("/api/events/" + fresh + ACTION.get(to)).expectStatus().isOk()
                            .expectBody().jsonPath("$.status").isEqualTo(to.name());
                }
            }
        }
    }

    @Test
    void startingAndCompletingAreToldOnKafka() {
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);
        String id = eventIn(EventStatus.REGISTRATION_CLOSED);
        post("/api/events/" + id + "/start").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IN_PROGRESS");
        post("/api/events/" + id + "/complete").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("COMPLETED");

        Scenario.eventually(() -> assertThat(topic.messages().stream()
                .filter(m -> m.eventId().equals(id)).map(m -> m.getClass().getSimpleName()).toList())
                .containsExactly("EventPublished", "RegistrationOpened", "RegistrationClosed", "EventStarted", "EventCompleted"));
        assertThat(topic.messages(EventStarted.class)).anyMatch(m -> m.eventId().equals(id));
        assertThat(topic.messages(EventCompleted.class)).anyMatch(m -> m.eventId().equals(id));
    }
}
