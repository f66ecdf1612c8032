package io.hoithao.registrations.registration;

import io.hoithao.platform.scheduling.RepairSweep;
import io.hoithao.registrations.event.OpenEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finishes what a crash between two writes left half done, at start-up and on a timer. Without
 * transactions a registration and its seat live in two documents, so after a crash they can disagree;
 * the event's seat list is the truth about who holds a seat:
 * <ul>
 *   <li>a registration PENDING for longer than {@code grace}: if it holds a seat it is confirmed, otherwise
 *       its seat is decided now (claimed or waitlisted) — a seat is neither leaked nor given twice;</li>
 *   <li>a seat held by a registration that is missing, cancelled, rejected or awaiting approval is released
 *       (and the waiting list moves up); one held by a WAITLISTED registration finishes its promotion;</li>
 *   <li>the active registrations of a cancelled event are cancelled and told.</li>
 * </ul>
 * Only registrations untouched for the grace period are repaired, so work in flight is left to finish
 * ({@link RepairSweep} runs it at start-up and on the timer).
 */
@Component
public class RegistrationRepair extends RepairSweep<RegistrationRepair.Report> {

    private static final Logger log = LoggerFactory.getLogger(RegistrationRepair.class);

    private final ReactiveMongoTemplate mongo;
    private final RegistrationService registrations;
    private final RegistrationStore store;
    private final Seating seating;
    private final Seats seats;

    RegistrationRepair(ReactiveMongoTemplate mongo, RegistrationService registrations, RegistrationStore store,
                       Seating seating, Seats seats,
                       @Value("${hoithao.registrations.repair.grace:30s}") Duration grace,
                       @Value("${hoithao.registrations.repair.interval:30s}") Duration interval,
                       MeterRegistry meters) {
        super("registrations", interval, grace, meters);
        this.mongo = mongo;
        this.registrations = registrations;
        this.store = store;
        this.seating = seating;
        this.seats = seats;
    }

    /** What one pass repaired. */
    record Report(long decided, long released, long promoted, long cancelled) implements Outcome {

        @Override
        public Map<String, Long> counts() {
            return Map.of("decided", decided, "released", released, "promoted", promoted, "cancelled", cancelled);
        }
    }

    @Override
    protected Mono<Report> sweep(Instant now, Instant staleBefore) {
        Mono<Long> decided = store.stalePending(staleBefore)
                .concatMap(pending -> seating.decide(pending).onErrorResume(e -> {
                    log.warn("Could not decide the seat of registration {}: {}", pending.id(), e.toString());
                    return Mono.empty();
                }))
                .count();
        return decided
                .flatMap(d -> mongo.findAll(OpenEvent.class)
                        .concatMap(event -> repairEvent(event, staleBefore))
                        .reduce(new Report(d, 0, 0, 0), (a, b) -> new Report(a.decided(), a.released() + b.released(),
                                a.promoted() + b.promoted(), a.cancelled() + b.cancelled())));
    }

    private Mono<Report> repairEvent(OpenEvent event, Instant staleBefore) {
        if (event.cancelled()) {
            return registrations.cancelAll(event.id(), null).map(n -> new Report(0, 0, 0, n));
        }
        List<String> holders = event.seatHolders() == null ? List.of() : event.seatHolders();
        Mono<Map<String, Registration>> byId = mongo.find(Query.query(Criteria.where("_id").in(holders)), Registration.class)
                .collectMap(Registration::id, Function.identity());
        return byId.flatMap(found -> Flux.fromIterable(holders)
                        .concatMap(holder -> repairSeat(event, holder, found.get(holder), staleBefore))
                        .reduce(new long[2], (sum, outcome) -> {
                            sum[outcome == Seat.RELEASED ? 0 : 1] += outcome == Seat.KEPT ? 0 : 1;
                            return sum;
                        }))
                .flatMap(sum -> seating.promote(event.id())
                        .map(promoted -> new Report(0, sum[0], sum[1] + promoted, 0)));
    }

    private enum Seat { KEPT, RELEASED, PROMOTED }

    private Mono<Seat> repairSeat(OpenEvent event, String holder, Registration registration, Instant staleBefore) {
        if (registration == null) {
            return seats.release(event.id(), holder, unitOf(event, holder)).thenReturn(Seat.RELEASED);
        }
        if (registration.updatedAt().isAfter(staleBefore)) {
            return Mono.just(Seat.KEPT);
        }
        return switch (registration.status()) {
            case CONFIRMED, PENDING -> Mono.just(Seat.KEPT);
            case WAITLISTED -> seating.finishPromotion(registration).map(end -> switch (end) {
                case PROMOTED -> Seat.PROMOTED;
                case KEPT -> Seat.KEPT;
                case RELEASED -> Seat.RELEASED;
            });
            case CANCELLED, REJECTED, AWAITING_APPROVAL ->
                    seats.release(event.id(), holder, registration.unitId()).thenReturn(Seat.RELEASED);
        };
    }

    /** The unit whose holders list a registration that no longer exists. */
    private static String unitOf(OpenEvent event, String holder) {
        if (event.unitHolders() == null) {
            return "unit";
        }
        Set<String> units = event.unitHolders().entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().contains(holder))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        return units.isEmpty() ? "unit" : units.iterator().next();
    }
}
