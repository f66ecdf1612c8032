package io.hoithao.reports.projection;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.registrations.DelegateCheckedIn;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPendingApproval;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.contracts.registrations.RegistrationRejected;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.contracts.registrations.RegistrationsMessage;
import io.hoithao.platform.messaging.MessageDispatch;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/** From {@code hoithao.registrations}: each registration's unit, category, state and check-in days. */
@Configuration
class RegistrationMessages {

    @Bean
    Consumer<Message<byte[]>> registrationsMessages(ReactiveMongoTemplate mongo) {
        return MessageDispatch.of(RegistrationsMessage.class)
                .on(RegistrationConfirmed.class, m -> state(mongo, m, m.registrationId(), "CONFIRMED", m.unit(), m.category()))
                .on(RegistrationPromoted.class, m -> state(mongo, m, m.registrationId(), "CONFIRMED", m.unit(), m.category()))
                .on(RegistrationWaitlisted.class, m -> state(mongo, m, m.registrationId(), "WAITLISTED", m.unit(), m.category()))
                .on(RegistrationPendingApproval.class, m -> state(mongo, m, m.registrationId(), "PENDING", m.unit(), m.category()))
                .on(RegistrationRejected.class, m -> state(mongo, m, m.registrationId(), "REJECTED", null, null))
                .on(RegistrationCancelled.class, m -> state(mongo, m, m.registrationId(), "CANCELLED", null, null))
                .on(DelegateCheckedIn.class, m -> Writes.upsert(mongo, Projected.Registration.class, m.registrationId(), m,
                        new Update().set("eventId", m.eventId()).addToSet("checkIns", m.day())))
                .consumer();
    }

    private static Mono<?> state(ReactiveMongoTemplate mongo, IntegrationMessage m, String id, String status, String unit,
                                 String category) {
        Update update = new Update().set("eventId", m.eventId()).set("status", status);
        if (unit != null) {
            update.set("unit", unit).set("category", category);
        }
        return Writes.upsert(mongo, Projected.Registration.class, id, m, update);
    }
}
