package io.hoithao.presentations.event;

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
import io.hoithao.platform.events.EventCopy;
import io.hoithao.platform.events.EventFacts;
import io.hoithao.platform.messaging.MessageDispatch;
import io.hoithao.platform.units.UnitNameFollower;
import io.hoithao.presentations.placement.ProgrammeSessions;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.messaging.Message;

/** Keeps {@link ConferenceEvent} and the presentation sessions from the events topic; idempotent by message id. */
@Configuration
class EventMessages {

    @Bean
    Consumer<Message<byte[]>> eventsMessages(ReactiveMongoTemplate mongo, ProgrammeSessions sessions) {
        return MessageDispatch.of(EventsMessage.class)
                .on(EventPublished.class, published -> EventFacts.apply(mongo, ConferenceEvent.class, published,
                        EventFacts.published(published).setOnInsert("cancelled", false)))
                .on(EventRescheduled.class, rescheduled -> EventFacts.apply(mongo, ConferenceEvent.class, rescheduled,
                        EventFacts.rescheduled(rescheduled).setOnInsert("cancelled", false)))
                .on(EventCancelled.class, cancelled -> EventFacts.apply(mongo, ConferenceEvent.class, cancelled, EventFacts.cancelled())
                        .then(sessions.eventCancelled(cancelled)))
                .on(SessionScheduled.class, sessions::scheduled)
                .on(SessionMoved.class, sessions::moved)
                .on(SessionCancelled.class, sessions::cancelled)
                // Registration, capacity, the event's start and completion, and programmes change nothing kept here.
                .ignore(RegistrationOpened.class, RegistrationClosed.class, CapacityChanged.class, EventStarted.class,
                        EventCompleted.class, EventProgrammeChanged.class, ProgrammeCreated.class, ProgrammePhaseAdded.class)
                .consumer();
    }

    /** The events' copies of their organising unit's name follow the directory, so answers show its current name. */
    @Bean
    UnitNameFollower eventUnitNames(ReactiveMongoTemplate mongo) {
        return EventCopy.organiserNameCopies(ConferenceEvent.class).follower(mongo);
    }
}
