package io.hoithao.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * First come, first served under a crowd (docs/decisions.md, "First come on the waiting list"): 112 delegates of
 * four offices register at once over HTTP for 30 seats shared by quotas. The order is the order of the seat
 * decisions, recorded as each registration's {@code turn}: in every office, each delegate confirmed has an
 * earlier turn than each one waitlisted; the waiting list reads in turn order; seats given back go to the
 * earliest turns of the offices that may take them.
 */
@IntegrationTest
class FirstComeOrderIT {

    static final int CAPACITY = 30;
    static final int CROWD = 112;
    static final List<String> OFFICES = List.of("Phòng GD&ĐT Na Rì", "Phòng GD&ĐT Chợ Mới", "Phòng GD&ĐT Bạch Thông",
            "Phòng GD&ĐT thành phố Bắc Kạn");
    static final List<Integer> QUOTAS = List.of(6, 6, 6, 12);

    @Autowired
    WebTestClient http;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    record Answer(String id, String unit, String status, Long turn) {
    }

    @Test
    void theWaitingListAndItsPromotionsFollowTheOrderOfTheSeatDecisions() {
        // A crowd on a shared machine: an answer may take longer than the client's default 5 s.
        WebTestClient crowdClient = http.mutate().responseTimeout(Duration.ofSeconds(90)).build();
        Fixtures fixtures = new Fixtures(crowdClient, messages);
        String eventId = fixtures.openEvent(CAPACITY);
        Map<String, Integer> quotas = new LinkedHashMap<>();
        IntStream.range(0, OFFICES.size()).forEach(i -> quotas.put(OFFICES.get(i), QUOTAS.get(i)));
        fixtures.quotas(eventId, quotas);

        List<Integer> crowd = new ArrayList<>(IntStream.range(0, CROWD).boxed().toList());
        Collections.shuffle(crowd);
        List<Answer> answers = Flux.fromIterable(crowd)
                .parallel(24).runOn(Schedulers.boundedElastic())
                .map(i -> fixtures.register(Fixtures.delegate(eventId, "gv" + i + "@narichomoi.edu.vn", OFFICES.get(i % 4)))
                        .expectStatus().isCreated().expectBody(Answer.class).returnResult().getResponseBody())
                .sequential().collectList().block(Duration.ofSeconds(180));

        assertThat(answers).hasSize(CROWD);
        assertThat(answers).extracting(Answer::turn).as("every first decision has its own turn")
                .doesNotContainNull().doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, CROWD).mapToObj(n -> (long) n).toList());
        assertThat(answers).filteredOn(a -> a.status().equals("CONFIRMED")).hasSize(CAPACITY);
        Map<String, List<Answer>> perOffice = answers.stream().collect(Collectors.groupingBy(Answer::unit));
        for (int i = 0; i < OFFICES.size(); i++) {
            List<Answer> office = perOffice.get(OFFICES.get(i));
            List<Long> confirmed = office.stream().filter(a -> a.status().equals("CONFIRMED")).map(Answer::turn).toList();
            List<Long> waitlisted = office.stream().filter(a -> a.status().equals("WAITLISTED")).map(Answer::turn).toList();
            assertThat(confirmed).as(OFFICES.get(i)).hasSize(QUOTAS.get(i));
            assertThat(Collections.max(confirmed)).as("%s: the last confirmed came before the first waitlisted", OFFICES.get(i))
                    .isLessThan(Collections.min(waitlisted));
        }

        List<Answer> waitingList = list(eventId, "WAITLISTED");
        assertThat(waitingList).hasSize(CROWD - CAPACITY);
        assertThat(waitingList).extracting(Answer::turn).isSortedAccordingTo(Comparator.naturalOrder());

        // Three of Na Rì's confirmed delegates withdraw: Na Rì's three earliest waiting turns move up, no one else.
        List<Answer> naRi = perOffice.get(OFFICES.get(0));
        List<String> withdrawn = naRi.stream().filter(a -> a.status().equals("CONFIRMED")).limit(3).map(Answer::id).toList();
        List<String> next = naRi.stream().filter(a -> a.status().equals("WAITLISTED")).sorted(Comparator.comparing(Answer::turn))
                .limit(3).map(Answer::id).toList();
        withdrawn.forEach(id -> http.post().uri("/api/registrations/" + id + "/cancel").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Bận công tác")).exchange().expectStatus().isOk());
        Scenario.eventually(() -> assertThat(list(eventId, "CONFIRMED")).extracting(Answer::id)
                .hasSize(CAPACITY).containsAll(next).doesNotContainAnyElementsOf(withdrawn));
        assertThat(list(eventId, "WAITLISTED")).hasSize(CROWD - CAPACITY - 3).extracting(Answer::turn)
                .isSortedAccordingTo(Comparator.naturalOrder());
    }

    List<Answer> list(String eventId, String status) {
        return http.get().uri("/api/registrations/events/{e}/registrations?status={s}&size=500", eventId, status).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Page>() {
                }).returnResult().getResponseBody().items();
    }

    record Page(List<Answer> items) {
    }
}
