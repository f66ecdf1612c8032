package io.hoithao.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.platform.text.Units;
import io.hoithao.registrations.event.OpenEvent;
import io.hoithao.registrations.registration.DelegateCategory;
import io.hoithao.registrations.registration.Registration;
import io.hoithao.registrations.registration.RegistrationRepair;
import io.hoithao.registrations.registration.RegistrationStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Crashes between the two writes of a seat decision, simulated by writing the half-done state straight
 * to Mongo, then repaired by the sweep: no seat leaks and none is given twice.
 */
@IntegrationTest
class RepairIT {

    static final String UNIT = "Trường Mầm non Đồng Tâm";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    RegistrationRepair repair;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    Registration halfDone(String eventId, String name, RegistrationStatus status) {
        Instant past = Instant.now().minusSeconds(120);
        Registration registration = new Registration(UUID.randomUUID().toString(), eventId, name, name + "@mn.edu.vn",
                "0912345678", UNIT, Units.key(UNIT), null, DelegateCategory.TEACHER, null, status, null, null, null,
                List.of(), 0, past, past, null, null);
        return mongo.insert(registration).block();
    }

    void holdSeat(String eventId, String registrationId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(eventId)), new Update()
                .push("seatHolders", registrationId).push("unitHolders." + Units.key(UNIT), registrationId), OpenEvent.class).block();
    }

    /** A moment when everything written so far is past the sweep's grace period. */
    Instant pastTheGrace() {
        return Instant.now().plus(repair.grace());
    }

    RegistrationStatus status(Registration registration) {
        return mongo.findById(registration.id(), Registration.class).block().status();
    }

    List<String> holders(String eventId) {
        return mongo.findById(eventId, OpenEvent.class).block().seatHolders();
    }

    @Test
    void aCrashAfterTheSeatWasClaimedEndsConfirmedAndOneBeforeEndsWithTheSeatDecided() {
        TestMessages.Subscription topic = messages.subscribe(Topics.REGISTRATIONS);
        String eventId = new Fixtures(http, messages).openEvent(2);
        Registration claimed = halfDone(eventId, "claimed", RegistrationStatus.PENDING);
        holdSeat(eventId, claimed.id()); // crashed after the claim, before the settle
        Registration unclaimed = halfDone(eventId, "unclaimed", RegistrationStatus.PENDING); // crashed before the claim
        Registration tooLate = halfDone(eventId, "toolate", RegistrationStatus.PENDING);

        Scenario.eventually(() -> {
            repair.repair(pastTheGrace()).block();
            assertThat(status(claimed)).isEqualTo(RegistrationStatus.CONFIRMED);
            assertThat(status(unclaimed)).isIn(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);
            assertThat(status(tooLate)).isIn(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);
        });
        assertThat(List.of(status(unclaimed), status(tooLate)))
                .containsExactlyInAnyOrder(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);
        assertThat(holders(eventId)).hasSize(2).doesNotHaveDuplicates().contains(claimed.id());
        Scenario.eventually(() ->
                assertThat(Fixtures.about(topic.messages(RegistrationConfirmed.class), eventId))
                        .extracting(RegistrationConfirmed::registrationId).hasSize(2).contains(claimed.id()));

        repair.repair(pastTheGrace()).block(); // a second pass changes nothing
        assertThat(holders(eventId)).hasSize(2);
    }

    @Test
    void seatsHeldByCancelledOrMissingRegistrationsGoBackToTheWaitingList() {
        TestMessages.Subscription topic = messages.subscribe(Topics.REGISTRATIONS);
        String eventId = new Fixtures(http, messages).openEvent(2);
        Registration cancelled = halfDone(eventId, "cancelled", RegistrationStatus.CANCELLED);
        holdSeat(eventId, cancelled.id()); // crashed after the cancellation, before the release
        holdSeat(eventId, "reg-that-no-longer-exists");
        Registration first = halfDone(eventId, "first", RegistrationStatus.WAITLISTED);
        Registration second = halfDone(eventId, "second", RegistrationStatus.WAITLISTED);

        Scenario.eventually(() -> {
            repair.repair(pastTheGrace()).block();
            assertThat(holders(eventId)).containsExactlyInAnyOrder(first.id(), second.id());
            assertThat(status(first)).isEqualTo(RegistrationStatus.CONFIRMED);
            assertThat(status(second)).isEqualTo(RegistrationStatus.CONFIRMED);
        });
        assertThat(mongo.findById(eventId, OpenEvent.class).block().unitHolders().get(Units.key(UNIT)))
                .containsExactlyInAnyOrder(first.id(), second.id());
        Scenario.eventually(() ->
                assertThat(Fixtures.about(topic.messages(RegistrationPromoted.class), eventId)).hasSize(2));
    }

    @Test
    void aPromotionInterruptedAfterTheClaimIsFinished() {
        String eventId = new Fixtures(http, messages).openEvent(1);
        Registration waiting = halfDone(eventId, "waiting", RegistrationStatus.WAITLISTED);
        holdSeat(eventId, waiting.id()); // crashed after the promotion's claim, before its settle

        Scenario.eventually(() -> {
            repair.repair(pastTheGrace()).block();
            assertThat(status(waiting)).isEqualTo(RegistrationStatus.CONFIRMED);
        });
        assertThat(holders(eventId)).containsExactly(waiting.id());
    }
}
