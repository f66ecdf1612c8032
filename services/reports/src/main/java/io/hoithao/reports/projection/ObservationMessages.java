package io.hoithao.reports.projection;

import io.hoithao.contracts.observations.LessonCancelled;
import io.hoithao.contracts.observations.LessonMoved;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.observations.ObservationFormSubmitted;
import io.hoithao.contracts.observations.ObservationsMessage;
import io.hoithao.contracts.observations.ObserverWaitlisted;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.contracts.observations.WaitlistLeft;
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

/** From {@code hoithao.observations}: demonstration lessons, and each observation form's latest scores. */
@Configuration
class ObservationMessages {

    @Bean
    Consumer<Message<byte[]>> observationsMessages(ReactiveMongoTemplate mongo) {
        return MessageDispatch.of(ObservationsMessage.class)
                .on(LessonScheduled.class, m -> Writes.upsert(mongo, Projected.Lesson.class, m.lessonId(), m, new Update().set("eventId", m.eventId())
                        .set("title", m.title()).set("host", m.host()).set("cancelled", false)))
                .on(LessonCancelled.class, m -> Writes.upsert(mongo, Projected.Lesson.class, m.lessonId(), m,
                        new Update().set("eventId", m.eventId()).set("cancelled", true)))
                .on(ObservationFormSubmitted.class, m -> formSubmitted(mongo, m))
                // Seats, waiting lists and a lesson's times are not in the report.
                .ignore(SeatBooked.class, SeatReleased.class, ObserverWaitlisted.class, WaitlistLeft.class, LessonMoved.class)
                .consumer();
    }

    private static Mono<?> formSubmitted(ReactiveMongoTemplate mongo, ObservationFormSubmitted m) {
        // Each change of a form is told again under its id; the one told last holds its scores.
        Criteria older = Criteria.where("_id").is(m.formId())
                .orOperator(Criteria.where("toldAt").exists(false), Criteria.where("toldAt").lte(m.occurredAt()));
        return Idempotency.upsert(mongo, Projected.Form.class, older, m, new Update().set("eventId", m.eventId())
                .set("lessonId", m.lessonId()).set("scores", m.scores()).set("toldAt", m.occurredAt()));
    }
}
