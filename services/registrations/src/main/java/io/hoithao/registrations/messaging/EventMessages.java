package io.hoithao.registrations.messaging;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.events.CapacityChanged;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.platform.messaging.InboundMessages;
import io.hoithao.registrations.event.EventProjection;
import io.hoithao.registrations.registration.RegistrationService;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

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
        return InboundMessages.consumer(message -> apply(events, registrations, message));
    }

    static Mono<?> apply(EventProjection events, RegistrationService registrations, IntegrationMessage message) {
        Mono<?> projected = events.apply(message);
        if (message instanceof EventCancelled cancelled) {
            return projected.then(events.find(cancelled.eventId()))
                    .filter(event -> event.cancelled())
                    .flatMap(event -> registrations.cancelAll(event.id(), cancelled.reason()));
        }
        if (message instanceof CapacityChanged changed) {
            // More seats: the waiting list moves up. Fewer than confirmed: nobody is dropped, see EventSeats.overCapacity.
            return projected.then(registrations.promote(changed.eventId()));
        }
        return projected;
    }
}
