package io.hoithao.notifications.person;

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
import io.hoithao.notifications.programme.ProgrammeMessages;
import io.hoithao.platform.events.EventCopy;
import io.hoithao.platform.events.EventFacts;
import io.hoithao.platform.messaging.MessageDispatch;
import io.hoithao.platform.units.UnitNameFollower;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.messaging.Message;

/**
 * Keeps the {@link KnownEvent} projection (title, unit, days and zone, idempotent by message id), then hands
 * the programme's changes to {@link ProgrammeMessages}.
 */
@Configuration
class EventMessages {

    @Bean
    Consumer<Message<byte[]>> eventsMessages(ReactiveMongoTemplate mongo, ProgrammeMessages programme) {
        return MessageDispatch.of(EventsMessage.class)
                .on(EventPublished.class, published -> EventFacts.apply(mongo, KnownEvent.class, published,
                        EventFacts.published(published)))
                .on(EventRescheduled.class, rescheduled -> EventFacts.apply(mongo, KnownEvent.class, rescheduled,
                                EventFacts.rescheduled(rescheduled))
                        .then(programme.eventRescheduled(rescheduled)))
                .on(EventCancelled.class, cancelled -> EventFacts.apply(mongo, KnownEvent.class, cancelled, EventFacts.cancelled())
                        .then(programme.eventCancelled(cancelled)))
                .on(SessionScheduled.class, programme::sessionScheduled)
                .on(SessionMoved.class, programme::sessionMoved)
                .on(SessionCancelled.class, programme::sessionCancelled)
                // Nobody is mailed about registration opening or closing, capacity, the start or the completion.
                .ignore(RegistrationOpened.class, RegistrationClosed.class, CapacityChanged.class, EventStarted.class,
                        EventCompleted.class, EventProgrammeChanged.class, ProgrammeCreated.class, ProgrammePhaseAdded.class)
                .consumer();
    }

    /** The events' copies of their organising unit's name follow the directory, so answers show its current name. */
    @Bean
    UnitNameFollower eventUnitNames(ReactiveMongoTemplate mongo) {
        return EventCopy.organiserNameCopies(KnownEvent.class).follower(mongo);
    }
}
