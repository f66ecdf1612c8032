package io.hoithao.presentations.event;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.events.CapacityChanged;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventCompleted;
import io.hoithao.contracts.events.EventProgrammeChanged;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.EventStarted;
import io.hoithao.contracts.events.EventsMessage;
import io.hoithao.contracts.events.ProgrammeCreated;
import io.hoithao.contracts.events.ProgrammePhaseAdded;
import io.hoithao.contracts.events.RegistrationClosed;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.messaging.MessageDispatch;
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
        return MessageDispatch.of(EventsMessage.class)
                .on(EventPublished.class, published -> published(mongo, published))
                .on(EventRescheduled.class, rescheduled -> upsert(mongo, rescheduled, new Update()
                        .set("startDate", rescheduled.startDate())
                        .set("endDate", rescheduled.endDate())
                        .set("timeZone", rescheduled.timeZone())
                        .setOnInsert("cancelled", false)))
                .on(EventCancelled.class, cancelled ->
                        upsert(mongo, cancelled, new Update().set("cancelled", true)).then(sessions.eventCancelled(cancelled)))
                .on(SessionScheduled.class, sessions::scheduled)
                .on(SessionMoved.class, sessions::moved)
                .on(SessionCancelled.class, sessions::cancelled)
                // Registration, capacity, the event's start and completion, and programmes change nothing kept here.
                .ignore(RegistrationOpened.class, RegistrationClosed.class, CapacityChanged.class, EventStarted.class,
                        EventCompleted.class, EventProgrammeChanged.class, ProgrammeCreated.class, ProgrammePhaseAdded.class)
                .consumer();
    }

    private static Mono<ConferenceEvent> published(ReactiveMongoTemplate mongo, EventPublished published) {
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

    private static Mono<ConferenceEvent> upsert(ReactiveMongoTemplate mongo, IntegrationMessage message, Update update) {
        return Idempotency.upsert(mongo, ConferenceEvent.class, message.eventId(), message, update);
    }
}
