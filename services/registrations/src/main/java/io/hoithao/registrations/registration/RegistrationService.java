package io.hoithao.registrations.registration;

import io.hoithao.platform.web.ProblemException;
import io.hoithao.registrations.event.EventProjection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Carries out the commands on registrations: reads what a decision needs, has {@link Lifecycle} decide, and has
 * {@link RegistrationStore} write the decided change (one conditional update with its messages) and
 * {@link Seating} decide the seats. A refusal is answered as a value ({@link Decision.Refusal}) for the handler.
 */
@Service
public class RegistrationService {

    private final RegistrationStore store;
    private final Seating seating;
    private final EventProjection events;
    private final Clock clock = Clock.systemUTC();

    RegistrationService(RegistrationStore store, Seating seating, EventProjection events) {
        this.store = store;
        this.seating = seating;
        this.events = events;
    }

    /** A registration as a POST answers it; {@code replayed} when an earlier request with the same Idempotency-Key made it. */
    public record Outcome(Registration registration, boolean replayed) {
    }

    /**
     * Registers a delegate. {@code requester} is who asks (the token's subject): an Idempotency-Key is the
     * requester's own, so the same key sent by someone else is a new request, never a replay of theirs.
     */
    public Mono<Outcome> register(RegistrationRequest request, String idempotencyKey, String requester) {
        String scope = idempotencyKey == null ? null : idempotencyScope(request.eventId(), requester, idempotencyKey);
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        Mono<Outcome> fresh = Mono.defer(() -> registerNew(request, email, scope)).map(r -> new Outcome(r, false));
        if (scope == null) {
            return fresh;
        }
        return replay(scope, email)
                .switchIfEmpty(fresh)
                // two retries of one request racing each other: the loser answers what the winner made
                .onErrorResume(ProblemException.class, e -> RegistrationProblems.DUPLICATE.equals(RegistrationProblems.typeOf(e))
                        ? replay(scope, email).switchIfEmpty(Mono.error(e))
                        : Mono.error(e));
    }

    /**
     * The unique scope of an Idempotency-Key: the event, the requester and the key. The event and the requester
     * are URL-encoded, so neither holds the separator and no two (event, requester, key) share a scope.
     */
    static String idempotencyScope(String eventId, String requester, String key) {
        return URLEncoder.encode(eventId, StandardCharsets.UTF_8) + "|"
                + URLEncoder.encode(requester == null ? "" : requester, StandardCharsets.UTF_8) + "|" + key;
    }

    private Mono<Outcome> replay(String scope, String email) {
        return store.findByScope(scope)
                .map(existing -> {
                    if (!existing.email().equals(email)) {
                        throw RegistrationProblems.keyReused();
                    }
                    return new Outcome(existing, true);
                });
    }

    private Mono<Registration> registerNew(RegistrationRequest request, String email, String scope) {
        Instant now = clock.instant();
        return events.findPolicy(request.eventId())
                .filter(event -> event.acceptsRegistrations(now))
                .switchIfEmpty(Mono.error(() -> RegistrationProblems.notOpen(request.eventId())))
                .flatMap(event -> {
                    Lifecycle.Registered registered = Lifecycle.register(request, email, scope, event.approvalRequired(), now);
                    Mono<Registration> inserted = store.insert(registered);
                    // awaiting approval, no seat is decided yet
                    return event.approvalRequired() ? inserted : inserted.flatMap(seating::decide);
                });
    }

    /**
     * Cancels a registration (idempotent: cancelling a cancelled one answers it unchanged). A seat it held
     * goes back and the waiting list moves up.
     */
    Mono<Decision.Result> cancel(String id, String reason) {
        return store.find(id).flatMap(current -> cancel(current, reason, 3));
    }

    private Mono<Decision.Result> cancel(Registration current, String reason, int attempts) {
        Decision decision = Lifecycle.cancel(current, reason, clock.instant());
        if (!(decision instanceof Decision.Change change)) {
            return Mono.just((Decision.Result) decision);
        }
        return store.apply(change)
                .flatMap(cancelled -> seating.freeSeat(cancelled).thenReturn((Decision.Result) new Decision.Done(cancelled)))
                // the status changed under us (promoted, confirmed...): cancel from the new status
                .switchIfEmpty(Mono.defer(() -> attempts <= 1
                        ? Mono.just(new Decision.KeptChanging(current.id()))
                        : store.find(current.id()).flatMap(fresh -> cancel(fresh, reason, attempts - 1))));
    }

    Mono<Decision.Result> approve(String id) {
        return store.find(id).flatMap(current -> {
            Decision decision = Lifecycle.approve(current);
            if (!(decision instanceof Decision.Change change)) {
                return Mono.just((Decision.Result) decision);
            }
            // Approved → PENDING first: from there the seat decision (and its repair after a crash) is the usual one.
            return store.apply(change)
                    .flatMap(seating::decide)
                    .switchIfEmpty(Mono.defer(() -> store.find(id)))
                    .map(Decision.Done::new);
        });
    }

    Mono<Decision.Result> reject(String id, String reason) {
        return store.find(id).flatMap(current -> {
            Decision decision = Lifecycle.reject(current, reason, clock.instant());
            if (!(decision instanceof Decision.Change change)) {
                return Mono.just((Decision.Result) decision);
            }
            return store.apply(change)
                    .switchIfEmpty(Mono.defer(() -> store.find(id)))
                    .map(Decision.Done::new);
        });
    }

    /**
     * Gives free seats to the waiting list in turn order, skipping a candidate whose unit is at its quota; emits
     * how many were promoted ({@link Seating#promote}).
     */
    public Mono<Long> promote(String eventId) {
        return seating.promote(eventId);
    }

    /** Cancels every registration of a cancelled event and tells each one; safe to run again. */
    public Mono<Long> cancelAll(String eventId, String reason) {
        String why = Lifecycle.eventCancelled(reason);
        return store.cancellable(eventId)
                .concatMap(registration -> store.apply(Lifecycle.cancellation(registration, why, clock.instant()))
                        .flatMap(cancelled -> seating.release(cancelled).thenReturn(cancelled)))
                .count();
    }

    /** The registrations' copy of a unit's name follows the directory (a rename). */
    public Mono<Void> followRename(String unitId, String officialName) {
        return store.followRename(unitId, officialName);
    }
}
