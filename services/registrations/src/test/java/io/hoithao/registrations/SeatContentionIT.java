package io.hoithao.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.platform.text.Units;
import io.hoithao.registrations.event.OpenEvent;
import io.hoithao.registrations.registration.DelegateCategory;
import io.hoithao.registrations.registration.Registration;
import io.hoithao.registrations.registration.RegistrationRequest;
import io.hoithao.registrations.registration.RegistrationService;
import io.hoithao.registrations.registration.RegistrationStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The acceptance test for contention: 500 concurrent attempts (64 in flight) for 50 seats shared by
 * ten units, five limited to 4 seats and five to 6 (the quotas add up to the capacity, so every unit's
 * outcome is exact), repeated on fresh events. Exactly the capacity and the quotas are confirmed,
 * everyone else is waitlisted, and no registration holds two seats.
 */
@IntegrationTest
class SeatContentionIT {

    static final int CAPACITY = 50;
    static final int ATTEMPTS = 500;
    static final int UNITS = 10;

    static int quota(int unit) {
        return unit < 5 ? 4 : 6;
    }

    @Autowired
    WebTestClient http;

    @Autowired
    RegistrationService registrations;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    io.hoithao.platform.units.KnownUnits units;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    static String unit(int n) {
        return "Phòng Giáo dục và Đào tạo số " + n;
    }

    @Test
    void concurrentRegistrationsGiveExactlyTheCapacityAndTheQuotas() {
        Fixtures fixtures = new Fixtures(http, messages);
        IntStream.range(0, UNITS).forEach(n -> TestDirectory.add(units, unit(n)));
        TestMessages.Subscription topic = messages.subscribe(Topics.REGISTRATIONS);
        List<String> eventIds = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            final int currentRound = round;
            String eventId = fixtures.openEvent(CAPACITY);
            eventIds.add(eventId);
            Map<String, Integer> quotas = new LinkedHashMap<>();
            IntStream.range(0, UNITS).forEach(n -> quotas.put(unit(n), quota(n)));
            fixtures.quotas(eventId, quotas);

            List<Integer> order = new ArrayList<>(IntStream.range(0, ATTEMPTS).boxed().toList());
            Collections.shuffle(order);
            List<Registration> results = Flux.fromIterable(order)
                    .flatMap(i -> registrations.register(new RegistrationRequest(eventId, "Đại biểu Số " + i,
                            "db" + i + "@pgd.edu.vn", "0912345678", unit(i % UNITS), TestDirectory.id(unit(i % UNITS)), "Giáo viên",
                            DelegateCategory.TEACHER, null), null, "seat-contention"), 64)
                    .map(RegistrationService.Outcome::registration)
                    .collectList()
                    .block(Duration.ofSeconds(120));

            assertThat(results).hasSize(ATTEMPTS);
            List<Registration> confirmed = results.stream().filter(r -> r.status() == RegistrationStatus.CONFIRMED).toList();
            assertThat(confirmed).as("round %d confirmed", round).hasSize(CAPACITY);
            assertThat(results).filteredOn(r -> r.status() == RegistrationStatus.WAITLISTED).hasSize(ATTEMPTS - CAPACITY);
            Map<String, Long> perUnit = confirmed.stream().collect(Collectors.groupingBy(Registration::unit, Collectors.counting()));
            IntStream.range(0, UNITS).forEach(n ->
                    assertThat(perUnit.get(unit(n))).as("round %d, quota of %s", currentRound, unit(n)).isEqualTo((long) quota(n)));
            assertThat(confirmed.stream().map(Registration::confirmationCode).collect(Collectors.toSet())).hasSize(CAPACITY);

            OpenEvent event = mongo.findById(eventId, OpenEvent.class).block();
            assertThat(event.seatHolders()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(confirmed.stream().map(Registration::id).toList());
            IntStream.range(0, UNITS).forEach(n -> assertThat(event.unitHolders().getOrDefault(TestDirectory.id(unit(n)), List.of()))
                    .doesNotHaveDuplicates().hasSize(perUnit.getOrDefault(unit(n), 0L).intValue()));
            assertThat(mongo.count(Query.query(Criteria.where("eventId").is(eventId)), Registration.class).block())
                    .isEqualTo(ATTEMPTS);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String eventId : eventIds) {
                Set<String> confirmedIds = new HashSet<>();
                Fixtures.about(topic.messages(RegistrationConfirmed.class), eventId).forEach(m -> confirmedIds.add(m.registrationId()));
                assertThat(confirmedIds).hasSize(CAPACITY);
                assertThat(Fixtures.about(topic.messages(RegistrationWaitlisted.class), eventId).stream()
                        .map(RegistrationWaitlisted::registrationId).distinct()).hasSize(ATTEMPTS - CAPACITY);
            }
        });
    }
}
