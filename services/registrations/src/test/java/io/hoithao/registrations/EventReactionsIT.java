package io.hoithao.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.CapacityChanged;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** How registrations react to the events service's messages, each delivered twice. */
@IntegrationTest
class EventReactionsIT {

    @Autowired
    WebTestClient http;

    @RegisterExtension
    final TestMessages messages = new TestMessages();
    final TestMessages.Subscription topic = messages.subscribe(Topics.REGISTRATIONS);

    @Test
    void aCancelledEventCancelsEveryRegistrationOnceAndTellsEachDelegate() {
        Fixtures f = new Fixtures(http, messages);
        String eventId = f.openEvent(2);
        List<String> ids = List.of("a", "b", "c").stream()
                .map(name -> (String) f.registered(Fixtures.delegate(eventId, name + "@mn.edu.vn")).get("id")).toList();

        EventCancelled cancelled = new EventCancelled(UUID.randomUUID(), Instant.now(), eventId, "Bão số 11");
        f.send(cancelled);
        f.send(cancelled);

        f.awaitEvent(eventId, seats -> seats.jsonPath("$.cancelled").isEqualTo(true).jsonPath("$.confirmed").isEqualTo(0));
        Scenario.eventually(() -> {
            ids.forEach(id -> assertThat(f.registration(id).get("status")).isEqualTo("CANCELLED"));
            List<RegistrationCancelled> told = Fixtures.about(topic.messages(RegistrationCancelled.class), eventId);
            assertThat(told).extracting(RegistrationCancelled::registrationId).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(told).filteredOn(RegistrationCancelled::wasConfirmed).hasSize(2);
            assertThat(told).allSatisfy(m -> assertThat(m.reason()).contains("Bão số 11"));
        });
        f.register(Fixtures.delegate(eventId, "d@mn.edu.vn")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/registration-not-open");
    }

    @Test
    void loweringTheCapacityDropsNobodyAndShowsTheEventOverCapacity() {
        Fixtures f = new Fixtures(http, messages);
        String eventId = f.openEvent(3);
        List<Map<String, Object>> confirmed = List.of("a", "b", "c").stream()
                .map(name -> f.registered(Fixtures.delegate(eventId, name + "@mn.edu.vn"))).toList();

        CapacityChanged lowered = new CapacityChanged(UUID.randomUUID(), Instant.now(), eventId, 1, 3, 5);
        f.send(lowered);
        f.send(lowered);
        f.awaitEvent(eventId, seats -> seats.jsonPath("$.capacity").isEqualTo(1)
                .jsonPath("$.confirmed").isEqualTo(3).jsonPath("$.overCapacity").isEqualTo(true).jsonPath("$.seatsLeft").isEqualTo(0));
        confirmed.forEach(r -> assertThat(f.registration((String) r.get("id")).get("status")).isEqualTo("CONFIRMED"));
        Map<String, Object> waiting = f.registered(Fixtures.delegate(eventId, "d@mn.edu.vn"));
        assertThat(waiting.get("status")).isEqualTo("WAITLISTED");

        // a cancellation while over capacity frees no seat for the waiting list
        http.post().uri("/api/registrations/{id}/cancel", confirmed.get(0).get("id")).exchange().expectStatus().isOk();
        f.awaitEvent(eventId, seats -> seats.jsonPath("$.confirmed").isEqualTo(2).jsonPath("$.overCapacity").isEqualTo(true));
        assertThat(f.registration((String) waiting.get("id")).get("status")).isEqualTo("WAITLISTED");

        // an older revision arriving late changes nothing; a newer, larger capacity promotes
        f.send(new CapacityChanged(UUID.randomUUID(), Instant.now(), eventId, 10, 3, 4));
        CapacityChanged raised = new CapacityChanged(UUID.randomUUID(), Instant.now(), eventId, 3, 1, 6);
        f.send(raised);
        f.send(raised);
        f.awaitEvent(eventId, seats -> seats.jsonPath("$.capacity").isEqualTo(3).jsonPath("$.confirmed").isEqualTo(3)
                .jsonPath("$.overCapacity").isEqualTo(false));
        assertThat(f.registration((String) waiting.get("id")).get("status")).isEqualTo("CONFIRMED");
        Scenario.eventually(() ->
                assertThat(Fixtures.about(topic.messages(RegistrationPromoted.class), eventId)).hasSize(1));
    }

    @Test
    void theUnitThatRunsTheEventComesFromEventPublishedEvenAfterAReschedule() {
        Fixtures f = new Fixtures(http, messages);
        String eventId = "evt-" + UUID.randomUUID();
        f.send(new EventRescheduled(UUID.randomUUID(), Instant.now(), eventId,
                LocalDate.of(2027, 10, 26), LocalDate.of(2027, 10, 27), "Asia/Ho_Chi_Minh", 2));
        f.awaitEvent(eventId, seats -> seats.jsonPath("$.days[0]").isEqualTo("2027-10-26"));

        EventPublished published = new EventPublished(UUID.randomUUID(), Instant.now(), eventId, "Hội nghị sơ kết",
                "CONFERENCE", "PROVINCE", "Sở GD&ĐT Bắc Kạn", LocalDate.of(2027, 10, 25), LocalDate.of(2027, 10, 25),
                "Asia/Ho_Chi_Minh", 40, TestDirectory.id("Sở GD&ĐT Bắc Kạn"));
        f.send(published);
        f.send(published);
        // The unit and title are learnt; the days stay the newer reschedule's.
        f.awaitEvent(eventId, seats -> seats.jsonPath("$.organiserUnit").isEqualTo("Sở GD&ĐT Bắc Kạn")
                .jsonPath("$.title").isEqualTo("Hội nghị sơ kết")
                .jsonPath("$.days.length()").isEqualTo(2)
                .jsonPath("$.days[0]").isEqualTo("2027-10-26")
                .jsonPath("$.capacity").isEqualTo(0)
                .jsonPath("$.registrationOpen").isEqualTo(false));

        // Published first, then registration opened: the unit stays, and an organiser of it manages the event.
        String published2 = "evt-" + UUID.randomUUID();
        f.send(new EventPublished(UUID.randomUUID(), Instant.now(), published2, "Sinh hoạt chuyên đề", "THEMATIC_SESSION",
                "SCHOOL", "Trường Mầm non Đồng Tâm", LocalDate.of(2027, 11, 2), LocalDate.of(2027, 11, 2), "Asia/Ho_Chi_Minh", 30,
                TestDirectory.id("Trường Mầm non Đồng Tâm")));
        f.send(new RegistrationOpened(UUID.randomUUID(), Instant.now(), published2, "Sinh hoạt chuyên đề", 30, null));
        f.awaitEvent(published2, seats -> seats.jsonPath("$.organiserUnit").isEqualTo("Trường Mầm non Đồng Tâm")
                .jsonPath("$.registrationOpen").isEqualTo(true).jsonPath("$.days[0]").isEqualTo("2027-11-02"));
        TestIdentity.get().as(http, TestIdentity.organiser("Trường Mầm non Đồng Tâm")).get()
                .uri("/api/registrations/events/{id}/registrations", published2).exchange().expectStatus().isOk();
        // a unit is its id: a name written another way is no organiser of it
        TestIdentity.get().as(http, TestIdentity.organiser("truong mam non dong tam")).get()
                .uri("/api/registrations/events/{id}/registrations", published2).exchange().expectStatus().isForbidden();
        TestIdentity.get().as(http, TestIdentity.organiser("Trường Mầm non Đồng Tâm")).get()
                .uri("/api/registrations/events/{id}/registrations", eventId).exchange().expectStatus().isForbidden();
    }

    @Test
    void theEventsDaysFollowPublicationAndTheNewestReschedule() {
        Fixtures f = new Fixtures(http, messages);
        String eventId = f.openEvent(10);
        f.send(new EventPublished(UUID.randomUUID(), Instant.now(), eventId, "Hội thảo", "WORKSHOP", "DISTRICT",
                "Phòng GD&ĐT Long Biên", LocalDate.of(2025, 12, 21), LocalDate.of(2025, 12, 21), "Asia/Ho_Chi_Minh", 10));
        f.awaitEvent(eventId, seats -> seats.jsonPath("$.days[0]").isEqualTo("2025-12-21"));

        EventRescheduled moved = new EventRescheduled(UUID.randomUUID(), Instant.now(), eventId,
                LocalDate.of(2025, 12, 27), LocalDate.of(2025, 12, 28), "Asia/Ho_Chi_Minh", 3);
        f.send(moved);
        f.send(moved);
        f.send(new EventRescheduled(UUID.randomUUID(), Instant.now(), eventId,
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5), "Asia/Ho_Chi_Minh", 2)); // older: ignored
        f.awaitEvent(eventId, seats -> seats.jsonPath("$.days.length()").isEqualTo(2)
                .jsonPath("$.days[0]").isEqualTo("2025-12-27").jsonPath("$.days[1]").isEqualTo("2025-12-28"));
    }
}
