package io.hoithao.notifications.observation;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.observations.LessonCancelled;
import io.hoithao.contracts.observations.LessonMoved;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.observations.ObservationFormSubmitted;
import io.hoithao.contracts.observations.ObservationsMessage;
import io.hoithao.contracts.observations.ObserverWaitlisted;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.contracts.observations.WaitlistLeft;
import io.hoithao.notifications.delivery.Deliveries;
import io.hoithao.notifications.mail.Mails.Details;
import io.hoithao.notifications.mail.Mails.LessonInfo;
import io.hoithao.notifications.mail.Mails;
import io.hoithao.notifications.person.KnownEvent;
import io.hoithao.notifications.person.Person;
import io.hoithao.notifications.preference.Preference;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.messaging.MessageDispatch;
import java.util.List;
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
 * From the observations topic: the lessons and seats projections, and a mail for each change of a delegate's seat.
 * A cancelled lesson is one mail to each observer who held a seat or waited for one: the observations service
 * follows its {@code LessonCancelled} with a {@code SeatReleased} for every seat (on the same partition, so
 * after it), and those send nothing of their own once the lesson is known cancelled.
 */
@Configuration
class ObservationMessages {

    @Bean
    Consumer<Message<byte[]>> observationsMessages(ReactiveMongoTemplate mongo, Deliveries deliveries, Mails mails) {
        Handler handler = new Handler(mongo, deliveries, mails);
        return MessageDispatch.of(ObservationsMessage.class)
                .on(LessonScheduled.class, handler::lessonScheduled)
                .on(LessonMoved.class, handler::lessonMoved)
                .on(LessonCancelled.class, handler::lessonCancelled)
                .on(WaitlistLeft.class, handler::waitlistLeft)
                .on(SeatBooked.class, handler::seatBooked)
                .on(ObserverWaitlisted.class, handler::observerWaitlisted)
                .on(SeatReleased.class, handler::seatReleased)
                // A submitted observation form is mailed to nobody.
                .ignore(ObservationFormSubmitted.class)
                .consumer();
    }

    record Handler(ReactiveMongoTemplate mongo, Deliveries deliveries, Mails mails) {

        Mono<?> lessonScheduled(LessonScheduled m) {
            return Idempotency.upsert(mongo, Lesson.class, m.lessonId(), m, new Update().set("eventId", m.eventId())
                    .set("title", m.title()).set("classroom", m.classroom()).set("startsAt", m.startsAt()).set("endsAt", m.endsAt()));
        }

        Mono<?> lessonMoved(LessonMoved m) {
            return Idempotency.upsert(mongo, Lesson.class, m.lessonId(), m, new Update().set("eventId", m.eventId())
                            .set("startsAt", m.startsAt()).set("endsAt", m.endsAt()))
                    .then(toBooked(m, m.lessonId(), "observation.moved", Details.none()));
        }

        Mono<?> lessonCancelled(LessonCancelled m) {
            return Idempotency.upsert(mongo, Lesson.class, m.lessonId(), m, new Update().set("eventId", m.eventId())
                            .set("cancelled", true))
                    .then(mongo.find(Query.query(Criteria.where("lessonId").is(m.lessonId())
                                    .and("state").in(List.of("BOOKED", "WAITING"))), Seat.class)
                            .concatMap(seat -> mail(m, "observation.cancelled|" + m.lessonId(), "observation.cancelled",
                                    m.lessonId(), seat.registrationId(), seat.email(), new Details(null, null, m.reason(), true)))
                            .then());
        }

        Mono<?> waitlistLeft(WaitlistLeft m) {
            // She left the waiting list herself, or the lesson went: nothing to tell beyond what she knows or was told.
            return mongo.findById(m.lessonId() + "|" + m.registrationId(), Seat.class)
                    .flatMap(before -> seat(m, m.lessonId(), m.registrationId(), before.email(), "LEFT"));
        }

        Mono<?> seatBooked(SeatBooked m) {
            String id = m.lessonId() + "|" + m.registrationId();
            return mongo.findById(id, Seat.class).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(before -> {
                String kind = before.filter(s -> "WAITING".equals(s.state())).isPresent() ? "observation.promoted" : "observation.booked";
                return seat(m, m.lessonId(), m.registrationId(), m.delegateEmail(), "BOOKED")
                        .then(mail(m, kind, m.lessonId(), m.registrationId(), m.delegateEmail(), Details.none()));
            });
        }

        Mono<?> observerWaitlisted(ObserverWaitlisted m) {
            return seat(m, m.lessonId(), m.registrationId(), m.delegateEmail(), "WAITING")
                    .then(mail(m, "observation.waitlisted", m.lessonId(), m.registrationId(), m.delegateEmail(), Details.none()));
        }

        Mono<?> seatReleased(SeatReleased m) {
            Mono<Boolean> lessonCancelled = mongo.findById(m.lessonId(), Lesson.class)
                    .map(lesson -> Boolean.TRUE.equals(lesson.cancelled())).defaultIfEmpty(false);
            return mongo.findById(m.lessonId() + "|" + m.registrationId(), Seat.class).mapNotNull(Seat::email)
                    .switchIfEmpty(mongo.findById(m.registrationId(), Person.class).mapNotNull(Person::email))
                    .flatMap(email -> seat(m, m.lessonId(), m.registrationId(), email, "RELEASED")
                            .then(lessonCancelled)
                            .flatMap(cancelled -> cancelled
                                    ? Mono.empty() // released with its lesson: told by the one observation.cancelled mail
                                    : mail(m, "observation.released", m.lessonId(), m.registrationId(), email,
                                            new Details(null, null, m.reason(), true))));
        }

        /** A seat or lesson lapsing because its event was cancelled is told by the one event.cancelled mail. */
        private static boolean lapsedWithTheEvent(String kind, KnownEvent event) {
            return (kind.equals("observation.cancelled") || kind.equals("observation.released"))
                    && event != null && Boolean.TRUE.equals(event.cancelled());
        }

        private Mono<Seat> seat(IntegrationMessage m, String lessonId, String registrationId, String email, String state) {
            return Idempotency.upsert(mongo, Seat.class, lessonId + "|" + registrationId, m, new Update()
                    .set("lessonId", lessonId).set("eventId", m.eventId()).set("registrationId", registrationId)
                    .set("email", email).set("state", state));
        }

        private Mono<?> toBooked(IntegrationMessage m, String lessonId, String kind, Details details) {
            return mongo.find(Query.query(Criteria.where("lessonId").is(lessonId).and("state").is("BOOKED")), Seat.class)
                    .concatMap(seat -> mail(m, kind, lessonId, seat.registrationId(), seat.email(), details))
                    .then();
        }

        private Mono<?> mail(IntegrationMessage m, String kind, String lessonId, String registrationId, String email, Details details) {
            return mail(m, m.messageId().toString(), kind, lessonId, registrationId, email, details);
        }

        private Mono<?> mail(IntegrationMessage m, String messageKey, String kind, String lessonId, String registrationId,
                             String email, Details details) {
            String recipient = email.toLowerCase(Locale.ROOT);
            Mono<String> name = mongo.findById(registrationId, Person.class).mapNotNull(Person::fullName).defaultIfEmpty(email);
            Mono<String> language = mongo.findById(recipient, Preference.class).map(Preference::language).defaultIfEmpty("vi");
            Mono<Optional<KnownEvent>> event = mongo.findById(m.eventId(), KnownEvent.class).map(Optional::of).defaultIfEmpty(Optional.empty());
            Mono<Optional<Lesson>> lesson = mongo.findById(lessonId, Lesson.class).map(Optional::of).defaultIfEmpty(Optional.empty());
            return Mono.zip(name, language, event, lesson).flatMap(t -> {
                if (lapsedWithTheEvent(kind, t.getT3().orElse(null))) {
                    return Mono.empty(); // the event.cancelled mail says her seats lapse with it
                }
                LessonInfo info = t.getT4().map(l -> new LessonInfo(l.lessonId(), l.title(), l.classroom(), l.startsAt(), l.endsAt()))
                        .orElse(null);
                return deliveries.enqueue(mails.renderLesson(messageKey, kind, recipient, t.getT1(), t.getT2(),
                        m.eventId(), t.getT3().orElse(null), info, details, m.occurredAt()));
            });
        }
    }
}
