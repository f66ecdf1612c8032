package io.hoithao.presentations.delegate;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.messaging.InboundMessages;
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
        return InboundMessages.consumer(message -> apply(mongo, message));
    }

    static Mono<?> apply(ReactiveMongoTemplate mongo, IntegrationMessage message) {
        if (message instanceof RegistrationConfirmed m) {
            return confirmed(mongo, m, m.registrationId(), m.delegateEmail(), m.fullName(), m.unit());
        }
        if (message instanceof RegistrationPromoted m) {
            return confirmed(mongo, m, m.registrationId(), m.delegateEmail(), m.fullName(), m.unit());
        }
        if (message instanceof RegistrationCancelled m) {
            return Idempotency.upsert(mongo, Delegate.class, m.registrationId(), m, new Update()
                    .set("eventId", m.eventId())
                    .set("email", m.delegateEmail().toLowerCase(Locale.ROOT))
                    .set("status", Delegate.CANCELLED));
        }
        return Mono.empty();
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
