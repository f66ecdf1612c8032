package io.hoithao.registrations.registration;

import java.time.Clock;
import reactor.core.publisher.Mono;
import org.springframework.stereotype.Component;

/**
 * Gives registrations their seats: decides the seat of a PENDING registration, promotes the waiting list when
 * seats are free, and gives a seat back. Each seat is one conditional write of the event's document ({@link
 * Seats}); each registration's change that follows is a {@link Lifecycle} decision written by {@link
 * RegistrationStore}. A registration is written PENDING before its seat is claimed and settled after, so a crash
 * in between leaves a state {@link RegistrationRepair} can finish: the seat list says whether the claim happened.
 */
@Component
class Seating {

    private static final int PROMOTION_BATCH = 1000;

    private final RegistrationStore store;
    private final Seats seats;
    private final Clock clock = Clock.systemUTC();

    Seating(RegistrationStore store, Seats seats) {
        this.store = store;
        this.seats = seats;
    }

    /**
     * Decides the seat of a PENDING registration: the claim succeeds (or already happened, before a crash)
     * → CONFIRMED; no seat for the event or the unit → WAITLISTED.
     */
    Mono<Registration> decide(Registration pending) {
        return seats.claimInTurn(pending.eventId(), pending.id(), pending.unitId())
                .flatMap(decision -> (decision.claimed() ? Mono.just(true) : seats.holds(pending.eventId(), pending.id()))
                        .flatMap(holds -> store.apply(holds
                                ? Lifecycle.confirm(pending, decision.turn(), ConfirmationCodes.next(), clock.instant())
                                : Lifecycle.waitlist(pending, decision.turn(), clock.instant()))))
                .switchIfEmpty(Mono.defer(() -> store.findIfAny(pending.id())));
    }

    /** How the promotion of a waiting-list registration that holds a seat ended. */
    enum Promotion {
        /** This call's write made it CONFIRMED. */
        PROMOTED,
        /** A concurrent write (another promotion, the repair sweep) confirmed it first: the seat stays its own. */
        KEPT,
        /** It was cancelled meanwhile: the seat went back. */
        RELEASED
    }

    /**
     * Finishes the promotion of a waiting-list registration that holds a seat. The waiting list's promotion and
     * the repair sweep both end a promotion here, so they cannot disagree: the conditional write WAITLISTED →
     * CONFIRMED decides who promotes, and a caller whose write did not match never concludes from its own
     * failure that the seat is unwanted (a concurrent promotion may have won). It reads the registration again
     * and gives the seat back only if the registration is cancelled, rejected or gone; those states are final
     * ({@link RegistrationStatus#terminal}), so what it read cannot change before the release.
     */
    Mono<Promotion> finishPromotion(Registration waiting) {
        return store.apply(Lifecycle.promote(waiting, ConfirmationCodes.next(), clock.instant()))
                .map(promoted -> Promotion.PROMOTED)
                .switchIfEmpty(Mono.defer(() -> store.findIfAny(waiting.id())
                        .map(Registration::status)
                        .defaultIfEmpty(RegistrationStatus.CANCELLED)
                        .flatMap(status -> status.terminal()
                                ? release(waiting).thenReturn(Promotion.RELEASED)
                                : Mono.just(Promotion.KEPT))));
    }

    /**
     * Gives free seats to the waiting list in turn order (the order of the first seat decisions, see
     * {@link Seats#claimInTurn}; registrations from before turns existed come first, by creation). A candidate whose unit is at its quota
     * is skipped (the next one, from another unit, may fit); it stops when the event has no seat left.
     * Emits how many were promoted.
     */
    Mono<Long> promote(String eventId) {
        return store.waiting(eventId, PROMOTION_BATCH)
                .concatMap(candidate -> seats.claim(eventId, candidate.id(), candidate.unitId())
                        .flatMap(claimed -> claimed
                                ? finishPromotion(candidate).map(end -> end == Promotion.PROMOTED ? Step.PROMOTED : Step.SKIPPED)
                                : seats.full(eventId).map(full -> full ? Step.STOP : Step.SKIPPED)))
                .takeUntil(step -> step == Step.STOP)
                .filter(step -> step == Step.PROMOTED)
                .count();
    }

    private enum Step { PROMOTED, SKIPPED, STOP }

    /** Releases whatever seat a registration that no longer needs one holds, then promotes from the waiting list. */
    Mono<Void> freeSeat(Registration registration) {
        return release(registration)
                .flatMap(released -> released ? promote(registration.eventId()).then() : Mono.empty());
    }

    /** Gives the registration's seat back, if it holds one (emits whether it did); nobody is promoted. */
    Mono<Boolean> release(Registration registration) {
        return seats.release(registration.eventId(), registration.id(), registration.unitId());
    }
}
