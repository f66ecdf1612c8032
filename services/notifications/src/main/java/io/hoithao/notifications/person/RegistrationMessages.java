package io.hoithao.notifications.person;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.registrations.DelegateCheckedIn;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPendingApproval;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.contracts.registrations.RegistrationRejected;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.contracts.registrations.RegistrationsMessage;
import io.hoithao.notifications.delivery.Deliveries;
import io.hoithao.notifications.mail.Mails.Details;
import io.hoithao.notifications.mail.Mails;
import io.hoithao.notifications.preference.Preference;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.messaging.MessageDispatch;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * From the registrations topic: keeps the {@link Person} projection and writes the mail each message
 * calls for. The delivery's id is the message's id and the recipient, so a redelivery writes nothing new.
 */
@Configuration
class RegistrationMessages {

    @Bean
    Consumer<Message<byte[]>> registrationsMessages(ReactiveMongoTemplate mongo, Deliveries deliveries, Mails mails,
                                                    EventCancellation cancellation) {
        Handler handler = new Handler(mongo, deliveries, mails, cancellation);
        return MessageDispatch.of(RegistrationsMessage.class)
                .on(RegistrationConfirmed.class, handler::confirmed)
                .on(RegistrationPromoted.class, handler::promoted)
                .on(RegistrationWaitlisted.class, handler::waitlisted)
                .on(RegistrationPendingApproval.class, handler::pending)
                .on(RegistrationRejected.class, handler::rejected)
                .on(RegistrationCancelled.class, handler::cancelled)
                // A check-in is mailed to nobody.
                .ignore(DelegateCheckedIn.class)
                .consumer();
    }

    record Handler(ReactiveMongoTemplate mongo, Deliveries deliveries, Mails mails, EventCancellation cancellation) {

        Mono<?> confirmed(RegistrationConfirmed m) {
            return prior(m.registrationId()).flatMap(before -> {
                String kind = before.filter(p -> "PENDING".equals(p.status())).isPresent()
                        ? "registration.approved" : "registration.confirmed";
                return project(m, m.registrationId(), m.delegateEmail(), m.fullName(), "CONFIRMED", m.confirmationCode())
                        .then(mail(m, kind, m.delegateEmail(), m.fullName(), new Details(m.confirmationCode(), null, null, false)));
            });
        }

        Mono<?> promoted(RegistrationPromoted m) {
            return project(m, m.registrationId(), m.delegateEmail(), m.fullName(), "CONFIRMED", m.confirmationCode())
                    .then(mail(m, "registration.promoted", m.delegateEmail(), m.fullName(),
                            new Details(m.confirmationCode(), null, null, false)));
        }

        Mono<?> waitlisted(RegistrationWaitlisted m) {
            return project(m, m.registrationId(), m.delegateEmail(), m.fullName(), "WAITLISTED", null)
                    .then(mongo.count(Query.query(Criteria.where("eventId").is(m.eventId()).and("status").is("WAITLISTED")), Person.class))
                    .flatMap(place -> mail(m, "registration.waitlisted", m.delegateEmail(), m.fullName(),
                            new Details(null, place.intValue(), null, false)));
        }

        Mono<?> pending(RegistrationPendingApproval m) {
            return project(m, m.registrationId(), m.delegateEmail(), m.fullName(), "PENDING", null)
                    .then(mail(m, "registration.pending", m.delegateEmail(), m.fullName(), Details.none()));
        }

        Mono<?> rejected(RegistrationRejected m) {
            return project(m, m.registrationId(), m.delegateEmail(), null, "REJECTED", null)
                    .then(name(m.registrationId(), m.delegateEmail()))
                    .flatMap(name -> mail(m, "registration.rejected", m.delegateEmail(), name,
                            new Details(null, null, m.reason(), true)));
        }

        Mono<?> cancelled(RegistrationCancelled m) {
            // Cancelled with its event: the one event.cancelled mail (see EventCancellation), not a second one.
            Mono<Optional<KnownEvent>> event = mongo.findById(m.eventId(), KnownEvent.class).map(Optional::of)
                    .defaultIfEmpty(Optional.empty());
            return project(m, m.registrationId(), m.delegateEmail(), null, "CANCELLED", null)
                    .then(Mono.zip(name(m.registrationId(), m.delegateEmail()), event))
                    .flatMap(t -> EventCancellation.byTheEvent(t.getT2().orElse(null), m.reason())
                            ? cancellation.mail(m.eventId(), m.delegateEmail(), t.getT1(),
                                    EventCancellation.organisersReason(m.reason()), m.occurredAt())
                            : mail(m, "registration.cancelled", m.delegateEmail(), t.getT1(),
                                    new Details(null, null, m.reason(), true)));
        }

        private Mono<Optional<Person>> prior(String registrationId) {
            return mongo.findById(registrationId, Person.class).map(Optional::of).defaultIfEmpty(Optional.empty());
        }

        private Mono<Person> project(IntegrationMessage message, String registrationId, String email, String fullName,
                                     String status, String code) {
            Update update = new Update().set("eventId", message.eventId()).set("email", email)
                    .set("status", status).set("updatedAt", message.occurredAt());
            if (fullName != null) {
                update.set("fullName", fullName);
            }
            if (code != null) {
                update.set("confirmationCode", code);
            }
            return Idempotency.upsert(mongo, Person.class, registrationId, message, update);
        }

        private Mono<String> name(String registrationId, String email) {
            return mongo.findById(registrationId, Person.class).mapNotNull(Person::fullName).defaultIfEmpty(email);
        }

        private Mono<?> mail(IntegrationMessage message, String kind, String email, String name, Details details) {
            String recipient = email.toLowerCase(Locale.ROOT);
            Mono<String> language = mongo.findById(recipient, Preference.class).map(Preference::language).defaultIfEmpty("vi");
            Mono<Optional<KnownEvent>> event = mongo.findById(message.eventId(), KnownEvent.class)
                    .map(Optional::of).defaultIfEmpty(Optional.empty());
            return Mono.zip(language, event).flatMap(t -> deliveries.enqueue(mails.render(message.messageId().toString(),
                    kind, recipient, name, t.getT1(), message.eventId(), t.getT2().orElse(null), details, message.occurredAt())));
        }
    }
}
