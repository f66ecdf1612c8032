package io.hoithao.registrations.messaging;

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
import io.hoithao.platform.messaging.MessageDispatch;
import io.hoithao.platform.units.UnitNameFollower;
import io.hoithao.registrations.event.EventProjection;
import io.hoithao.registrations.registration.RegistrationService;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes the events topic: keeps the event projection up to date (idempotent by message id) and
 * reacts. The reactions run whether or not this delivery changed the projection: if an earlier delivery
 * stored the change and then failed half-way through the reaction, the redelivery finishes it, and the
 * reactions are themselves idempotent (each registration's change is conditional on its status).
 */
@Configuration
class EventMessages {

    @Bean
    Consumer<Message<byte[]>> eventsMessages(EventProjection events, RegistrationService registrations) {
        return MessageDispatch.of(EventsMessage.class)
                .on(EventPublished.class, events::published)
                .on(EventRescheduled.class, events::rescheduled)
                .on(RegistrationOpened.class, events::opened)
                .on(RegistrationClosed.class, events::closed)
                .on(EventCompleted.class, events::completed)
                .on(EventCancelled.class, cancelled -> events.cancelled(cancelled).then(events.find(cancelled.eventId()))
                        .filter(event -> event.cancelled())
                        .flatMap(event -> registrations.cancelAll(event.id(), cancelled.reason())))
                // More seats: the waiting list moves up. Fewer than confirmed: nobody is dropped, see EventSeats.overCapacity.
                .on(CapacityChanged.class, changed -> events.capacityChanged(changed).then(registrations.promote(changed.eventId())))
                // The programme, its sessions and the day an event starts change nothing about registering.
                .ignore(EventStarted.class, EventProgrammeChanged.class, ProgrammeCreated.class, ProgrammePhaseAdded.class,
                        SessionScheduled.class, SessionMoved.class, SessionCancelled.class)
                .consumer();
    }

    /** The registrations' and quotas' copies of a unit's name follow the directory, so answers show its current name. */
    @Bean
    UnitNameFollower unitNames(RegistrationService registrations, EventProjection events) {
        return unit -> registrations.followRename(unit.id(), unit.officialName()).then(events.followRename(unit.id(), unit.officialName()));
    }
}
