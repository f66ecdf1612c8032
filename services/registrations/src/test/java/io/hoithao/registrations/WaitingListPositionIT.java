package io.hoithao.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.registrations.registration.Registration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A waiting delegate sees her place on the event's waiting list on her own registration ({@code GET /{id}} and
 * {@code /mine}): the places are those of the list as the organisers read it and as it is promoted (turn order,
 * registrations without a turn first), and they move up when a seat is given back.
 */
@IntegrationTest
class WaitingListPositionIT {

    static final TestIdentity identity = TestIdentity.get();

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    record View(String id, String status, Long turn, Long waitlistPosition) {
    }

    record Page(List<View> items) {
    }

    @Test
    void aWaitingDelegateSeesHerPlaceOnTheWaitingListAndItMovesUp() {
        Fixtures fixtures = new Fixtures(http, messages);
        String eventId = fixtures.openEvent(1);
        Map<String, String> emails = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (String name : List.of("hoa", "lan", "mai", "cuc")) {
            String email = name + "." + UUID.randomUUID().toString().substring(0, 8) + "@mndongtam.edu.vn";
            String id = as(email).post().uri("/api/registrations").bodyValue(Fixtures.delegate(eventId, email)).exchange()
                    .expectStatus().isCreated().expectBody(View.class).returnResult().getResponseBody().id();
            emails.put(id, email);
            ids.add(id);
        }
        String hoa = ids.get(0);
        String lan = ids.get(1);
        String mai = ids.get(2);
        String cuc = ids.get(3);
        assertThat(own(hoa, emails)).extracting(View::status, View::waitlistPosition).containsExactly("CONFIRMED", null);
        assertThat(ids.subList(1, 4)).extracting(id -> own(id, emails).waitlistPosition()).containsExactly(1L, 2L, 3L);
        assertThat(placesMatchTheList(eventId, emails)).containsExactly(lan, mai, cuc);

        // A registration decided before turns existed has none: the list (and the promotion) puts it first.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(cuc)), new Update().unset("turn"), Registration.class).block();
        assertThat(own(cuc, emails).waitlistPosition()).isEqualTo(1L);
        assertThat(own(lan, emails).waitlistPosition()).isEqualTo(2L);
        assertThat(placesMatchTheList(eventId, emails)).containsExactly(cuc, lan, mai);

        // Hoa gives her seat back: Cúc is promoted, Lan and Mai move up.
        as(emails.get(hoa)).post().uri("/api/registrations/{id}/cancel", hoa).exchange().expectStatus().isOk();
        Scenario.eventually(() ->
                assertThat(own(cuc, emails)).extracting(View::status, View::waitlistPosition).containsExactly("CONFIRMED", null));
        assertThat(own(lan, emails).waitlistPosition()).isEqualTo(1L);
        assertThat(own(mai, emails).waitlistPosition()).isEqualTo(2L);
        assertThat(placesMatchTheList(eventId, emails)).containsExactly(lan, mai);
    }

    WebTestClient as(String email) {
        return identity.as(http, TestIdentity.person(email, "Đại biểu", "Trường Mầm non Đồng Tâm",
                io.hoithao.platform.security.Role.DELEGATE));
    }

    /** Her registration read by herself, alone and in {@code /mine}, which must agree. */
    View own(String id, Map<String, String> emails) {
        View alone = as(emails.get(id)).get().uri("/api/registrations/{id}", id).exchange().expectStatus().isOk()
                .expectBody(View.class).returnResult().getResponseBody();
        List<View> mine = as(emails.get(id)).get().uri("/api/registrations/mine").exchange().expectStatus().isOk()
                .expectBody(Page.class).returnResult().getResponseBody().items();
        assertThat(mine).containsExactly(alone);
        return alone;
    }

    /** The organisers' waiting list (in its order); each one's own place is her index in it, from 1. */
    List<String> placesMatchTheList(String eventId, Map<String, String> emails) {
        List<View> list = http.get().uri("/api/registrations/events/{e}/registrations?status=WAITLISTED", eventId).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Page>() {
                }).returnResult().getResponseBody().items();
        for (int i = 0; i < list.size(); i++) {
            assertThat(own(list.get(i).id(), emails).waitlistPosition()).as(list.get(i).id()).isEqualTo(i + 1L);
        }
        return list.stream().map(View::id).toList();
    }
}
