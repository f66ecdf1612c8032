package io.hoithao.reports.projection;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.observations.LessonCancelled;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.observations.ObservationFormSubmitted;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.messaging.InboundMessages;
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
        return InboundMessages.consumer(message -> apply(mongo, message));
    }

    static Mono<?> apply(ReactiveMongoTemplate mongo, IntegrationMessage message) {
        if (message instanceof LessonScheduled m) {
            return Writes.upsert(mongo, Projected.Lesson.class, m.lessonId(), m, new Update().set("eventId", m.eventId())
                    .set("title", m.title()).set("host", m.host()).set("cancelled", false));
        }
        if (message instanceof LessonCancelled m) {
            return Writes.upsert(mongo, Projected.Lesson.class, m.lessonId(), m,
                    new Update().set("eventId", m.eventId()).set("cancelled", true));
        }
        if (message instanceof ObservationFormSubmitted m) {
            // Each change of a form is told again under its id; the one told last holds its scores.
            Criteria older = Criteria.where("_id").is(m.formId())
                    .orOperator(Criteria.where("toldAt").exists(false), Criteria.where("toldAt").lte(m.occurredAt()));
            return Idempotency.upsert(mongo, Projected.Form.class, older, m, new Update().set("eventId", m.eventId())
                    .set("lessonId", m.lessonId()).set("scores", m.scores()).set("toldAt", m.occurredAt()));
        }
        return Mono.empty();
    }
}
