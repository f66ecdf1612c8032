package io.hoithao.presentations.event;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.messaging.InboundMessages;
import io.hoithao.presentations.placement.ProgrammeSessions;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/** Keeps {@link ConferenceEvent} and the presentation sessions from the events topic; idempotent by message id. */
@Configuration
class EventMessages {

    @Bean
    Consumer<Message<byte[]>> eventsMessages(ReactiveMongoTemplate mongo, ProgrammeSessions sessions) {
        return InboundMessages.consumer(message -> apply(mongo, sessions, message));
    }

    static Mono<?> apply(ReactiveMongoTemplate mongo, ProgrammeSessions sessions, IntegrationMessage message) {
        if (message instanceof EventPublished published) {
            Update update = new Update()
                    .set("title", published.title())
                    .set("organiserUnit", published.organiserUnit())
                    .set("startDate", published.startDate())
                    .set("endDate", published.endDate())
                    .set("timeZone", published.timeZone())
                    .setOnInsert("cancelled", false);
            // Older messages name the unit only: they leave the id as it was (none: administrators manage the event).
            if (published.organiserUnitId() != null) {
                update.set("organiserUnitId", published.organiserUnitId());
            }
            return upsert(mongo, published, update);
        }
        if (message instanceof EventRescheduled rescheduled) {
            return upsert(mongo, rescheduled, new Update()
                    .set("startDate", rescheduled.startDate())
                    .set("endDate", rescheduled.endDate())
                    .set("timeZone", rescheduled.timeZone())
                    .setOnInsert("cancelled", false));
        }
        if (message instanceof EventCancelled cancelled) {
            return upsert(mongo, cancelled, new Update().set("cancelled", true)).then(sessions.apply(cancelled));
        }
        if (message instanceof SessionScheduled || message instanceof SessionMoved || message instanceof SessionCancelled) {
            return sessions.apply(message);
        }
        return Mono.empty();
    }

    private static Mono<ConferenceEvent> upsert(ReactiveMongoTemplate mongo, IntegrationMessage message, Update update) {
        return Idempotency.upsert(mongo, ConferenceEvent.class, message.eventId(), message, update);
    }
}
