package io.hoithao.registrations.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.text.Units;
import io.hoithao.registrations.event.EventProjection;
import io.hoithao.registrations.event.OpenEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * A promotion from the waiting list and the repair sweep working on the same seat at once. The promotion
 * claims the seat and then settles the registration; the sweep sees a WAITLISTED seat holder and settles it
 * too. The interleaving is forced, not waited for: the seats used here run a step of the test right after
 * the promotion's claim, before its settle.
 */
@IntegrationTest
class PromotionRepairRaceIT {

    static final String UNIT = "Trường Mầm non Đồng Tâm";

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    EventProjection events;

    @Autowired
    RegistrationStore store;

    /** Seats that, once armed, run {@code between} after the next successful claim and before it is answered. */
    static final class InterleavedSeats extends Seats {

        private final AtomicReference<Supplier<Mono<?>>> between = new AtomicReference<>();

        InterleavedSeats(ReactiveMongoTemplate mongo) {
            super(mongo);
        }

        void arm(Supplier<Mono<?>> step) {
            between.set(step);
        }

        @Override
        Mono<Boolean> claim(String eventId, String registrationId, String unitKey) {
            return super.claim(eventId, registrationId, unitKey).flatMap(claimed -> {
                Supplier<Mono<?>> step = claimed ? between.getAndSet(null) : null;
                return step == null ? Mono.just(claimed) : step.get().thenReturn(claimed);
            });
        }
    }

    record Wiring(InterleavedSeats seats, RegistrationService registrations, RegistrationRepair repair) {
    }

    Wiring wiring() {
        InterleavedSeats interleaved = new InterleavedSeats(mongo);
        Seating seating = new Seating(store, interleaved);
        RegistrationService service = new RegistrationService(store, seating, events);
        // No grace: the sweep takes everything as stale.
        RegistrationRepair sweep = new RegistrationRepair(mongo, service, store, seating, interleaved, Duration.ZERO,
                Duration.ofHours(1), new SimpleMeterRegistry());
        return new Wiring(interleaved, service, sweep);
    }

    String fullEvent() {
        String eventId = "evt-" + UUID.randomUUID();
        mongo.insert(new OpenEvent(eventId, "Hội thảo sơ kết chuyên đề – Chợ Mới", 1, true, null, false, false,
                List.of(), Map.of(), Map.of(), Map.of(), false, null, null, null, null, null)).block();
        return eventId;
    }

    Registration registration(String eventId, String name, RegistrationStatus status, long turn, boolean holdsSeat) {
        Instant now = Instant.now();
        Registration registration = new Registration(UUID.randomUUID().toString(), eventId, name, name + "@mn.edu.vn",
                "0912345678", UNIT, io.hoithao.platform.testing.TestIdentity.unitId(UNIT), null, DelegateCategory.TEACHER, null, status,
                status == RegistrationStatus.CONFIRMED ? ConfirmationCodes.next() : null, null, null,
                List.of(), 0, now, now, turn, null);
        mongo.insert(registration).block();
        if (holdsSeat) {
            assertThat(new Seats(mongo).claim(eventId, registration.id(), registration.unitId()).block()).isTrue();
        }
        return registration;
    }

    List<String> holders(String eventId) {
        return mongo.findById(eventId, OpenEvent.class).block().seatHolders();
    }

    List<String> confirmed(String eventId) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId).and("status").is(RegistrationStatus.CONFIRMED)),
                Registration.class).map(Registration::id).collectList().block();
    }

    RegistrationStatus status(Registration registration) {
        return mongo.findById(registration.id(), Registration.class).block().status();
    }

    @Test
    void theSweepSettlingAPromotionInFlightLeavesTheSeatWithThePromotedDelegate() {
        Wiring wiring = wiring();
        String eventId = fullEvent();
        Registration holder = registration(eventId, "holder", RegistrationStatus.CONFIRMED, 1, true);
        Registration first = registration(eventId, "first", RegistrationStatus.WAITLISTED, 2, false);
        Registration second = registration(eventId, "second", RegistrationStatus.WAITLISTED, 3, false);
        // The sweep runs between the promotion's claim of the freed seat for "first" and its settle; it takes
        // everything as stale, so it finishes the promotion it sees half done.
        wiring.seats().arm(() -> wiring.repair().repair());

        wiring.registrations().cancel(holder.id(), "Bận công tác").block();

        assertThat(status(first)).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(status(second)).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(holders(eventId)).containsExactly(first.id());
        assertThat(confirmed(eventId)).containsExactlyInAnyOrderElementsOf(holders(eventId));
    }

    @Test
    void aCandidateCancelledWhileItsPromotionIsInFlightGivesTheSeatToTheNext() {
        Wiring wiring = wiring();
        String eventId = fullEvent();
        Registration holder = registration(eventId, "holder", RegistrationStatus.CONFIRMED, 1, true);
        Registration first = registration(eventId, "first", RegistrationStatus.WAITLISTED, 2, false);
        Registration second = registration(eventId, "second", RegistrationStatus.WAITLISTED, 3, false);
        wiring.seats().arm(() -> wiring.registrations().cancel(first.id(), "Đổi lịch"));

        wiring.registrations().cancel(holder.id(), "Bận công tác").block();

        assertThat(status(first)).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(status(second)).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(holders(eventId)).containsExactly(second.id());
        assertThat(confirmed(eventId)).containsExactlyInAnyOrderElementsOf(holders(eventId));
    }
}
