package io.hoithao.presentations.delegate;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.registrations.DelegateCheckedIn;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPendingApproval;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.contracts.registrations.RegistrationRejected;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.contracts.registrations.RegistrationsMessage;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.messaging.MessageDispatch;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/** Keeps {@link Delegate} from the registrations topic; idempotent by message id, and a cancellation is final. */
@Configuration
class RegistrationMessages {

    @Bean
    Consumer<Message<byte[]>> registrationsMessages(ReactiveMongoTemplate mongo) {
        return MessageDispatch.of(RegistrationsMessage.class)
                .on(RegistrationConfirmed.class, m -> confirmed(mongo, m, m.registrationId(), m.delegateEmail(), m.fullName(), m.unit()))
                .on(RegistrationPromoted.class, m -> confirmed(mongo, m, m.registrationId(), m.delegateEmail(), m.fullName(), m.unit()))
                .on(RegistrationCancelled.class, m -> Idempotency.upsert(mongo, Delegate.class, m.registrationId(), m, new Update()
                        .set("eventId", m.eventId())
                        .set("email", m.delegateEmail().toLowerCase(Locale.ROOT))
                        .set("status", Delegate.CANCELLED)))
                // Only a confirmed delegate submits papers here: waiting, pending, rejected and check-ins change nothing.
                .ignore(RegistrationWaitlisted.class, RegistrationPendingApproval.class, RegistrationRejected.class,
                        DelegateCheckedIn.class)
                .consumer();
    }

    /** A confirmation never revives a cancelled registration, whatever order the two arrive in. */
    private static Mono<Delegate> confirmed(ReactiveMongoTemplate mongo, IntegrationMessage message, String registrationId,
                                            String email, String fullName, String unit) {
        // A cancelled delegate stays cancelled: a late confirmation fails the condition and changes nothing.
        return Idempotency.upsert(mongo, Delegate.class,
                Criteria.where("_id").is(registrationId).and("status").ne(Delegate.CANCELLED), message, new Update()
                        .set("eventId", message.eventId())
                        .set("email", email.toLowerCase(Locale.ROOT))
                        .set("fullName", fullName)
                        .set("unit", unit)
                        .set("status", Delegate.CONFIRMED));
    }
}
