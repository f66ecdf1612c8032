package io.hoithao.observations.delegate;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.registrations.DelegateCheckedIn;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPendingApproval;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.contracts.registrations.RegistrationRejected;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.contracts.registrations.RegistrationsMessage;
import io.hoithao.observations.booking.BookingService;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.messaging.MessageDispatch;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * Keeps the {@link Observer} projection from the registrations topic (waitlisted, pending, confirmed,
 * promoted, cancelled; a status only moves forward), idempotent by message id; a
 * cancelled registration gives up its seats and waiting places (and the waiting lists move up).
 */
@Configuration
class RegistrationMessages {

    @Bean
    Consumer<Message<byte[]>> registrationsMessages(ReactiveMongoTemplate mongo, BookingService bookings) {
        return MessageDispatch.of(RegistrationsMessage.class)
                .on(RegistrationConfirmed.class, m -> confirm(mongo, m, m.registrationId(), m.delegateEmail(), m.fullName(), m.unit()))
                .on(RegistrationPromoted.class, m -> confirm(mongo, m, m.registrationId(), m.delegateEmail(), m.fullName(), m.unit()))
                .on(RegistrationWaitlisted.class, m -> notYetConfirmed(mongo, m, m.registrationId(), m.delegateEmail(),
                        m.fullName(), m.unit(), "WAITLISTED"))
                .on(RegistrationPendingApproval.class, m -> notYetConfirmed(mongo, m, m.registrationId(), m.delegateEmail(),
                        m.fullName(), m.unit(), "PENDING_APPROVAL"))
                .on(RegistrationCancelled.class, m -> cancelled(mongo, bookings, m))
                // A rejected registration never held a seat here; check-ins are the registrations service's own.
                .ignore(RegistrationRejected.class, DelegateCheckedIn.class)
                .consumer();
    }

    private static Mono<?> cancelled(ReactiveMongoTemplate mongo, BookingService bookings, RegistrationCancelled cancelled) {
        return Idempotency.upsert(mongo, Observer.class, cancelled.registrationId(), cancelled, new Update()
                        .set("eventId", cancelled.eventId())
                        .set("email", cancelled.delegateEmail())
                        .set("confirmed", false)
                        .set("status", CANCELLED)
                        .set("updatedAt", cancelled.occurredAt()))
                // Also on redelivery: a crash may have stopped the release half-way; releasing is idempotent.
                .then(bookings.releaseAll(cancelled.registrationId(), "Registration cancelled"));
    }

    private static Mono<Observer> confirm(ReactiveMongoTemplate mongo, IntegrationMessage message, String registrationId,
                                          String email, String fullName, String unit) {
        // A cancellation is final: a late or redelivered confirmation must not bring the delegate back
        // (the guarded upsert misses the cancelled document and is dropped). Waitlisted or pending, she is confirmed now.
        Criteria notCancelled = Criteria.where("_id").is(registrationId).and("status").in(WAITING, PENDING, CONFIRMED);
        return Idempotency.upsert(mongo, Observer.class, notCancelled, message, new Update()
                .set("eventId", message.eventId())
                .set("email", email)
                .set("fullName", fullName)
                .set("unit", unit)
                .set("confirmed", true)
                .set("status", CONFIRMED)
                .set("updatedAt", message.occurredAt()));
    }

    /** Waitlisted or pending approval: known, not confirmed; never a step back from confirmed or cancelled. */
    private static Mono<Observer> notYetConfirmed(ReactiveMongoTemplate mongo, IntegrationMessage message, String registrationId,
                                                  String email, String fullName, String unit, String status) {
        Criteria waiting = Criteria.where("_id").is(registrationId).and("status").in(WAITING, PENDING);
        return Idempotency.upsert(mongo, Observer.class, waiting, message, new Update()
                .set("eventId", message.eventId())
                .set("email", email)
                .set("fullName", fullName)
                .set("unit", unit)
                .set("confirmed", false)
                .set("status", status)
                .set("updatedAt", message.occurredAt()));
    }

    private static final String WAITING = "WAITLISTED";
    private static final String PENDING = "PENDING_APPROVAL";
    private static final String CONFIRMED = "CONFIRMED";
    private static final String CANCELLED = "CANCELLED";
}
