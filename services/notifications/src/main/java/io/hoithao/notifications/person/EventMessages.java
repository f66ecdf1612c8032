package io.hoithao.notifications.person;

import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.notifications.programme.ProgrammeMessages;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.messaging.InboundMessages;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/** Keeps the {@link KnownEvent} projection: title, unit, days and zone, idempotent by message id. */
@Configuration
class EventMessages {

    @Bean
    Consumer<Message<byte[]>> eventsMessages(ReactiveMongoTemplate mongo, ProgrammeMessages programme) {
        return InboundMessages.consumer(message -> project(mongo, message).then(programme.apply(message)));
    }

    private static Mono<?> project(ReactiveMongoTemplate mongo, io.hoithao.contracts.IntegrationMessage message) {
        if (message instanceof EventPublished published) {
            Update update = new Update()
                        .set("title", published.title())
                        .set("organiserUnit", published.organiserUnit())
                        .set("startDate", published.startDate())
                        .set("endDate", published.endDate())
                        .set("timeZone", published.timeZone());
            // Older messages name the unit only: they leave the id as it was (none: administrators read the log).
            if (published.organiserUnitId() != null) {
                update.set("organiserUnitId", published.organiserUnitId());
            }
            return Idempotency.upsert(mongo, KnownEvent.class, published.eventId(), published, update);
        }
        if (message instanceof EventRescheduled rescheduled) {
            return Idempotency.upsert(mongo, KnownEvent.class, rescheduled.eventId(), rescheduled, new Update()
                        .set("startDate", rescheduled.startDate())
                        .set("endDate", rescheduled.endDate())
                        .set("timeZone", rescheduled.timeZone()));
        }
        if (message instanceof EventCancelled cancelled) {
            return Idempotency.upsert(mongo, KnownEvent.class, cancelled.eventId(), cancelled, new Update().set("cancelled", true));
        }
        return Mono.empty();
    }
}
