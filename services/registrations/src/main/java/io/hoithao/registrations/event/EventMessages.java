package io.hoithao.registrations.event;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.events.CapacityChanged;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.RegistrationClosed;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.messaging.InboundMessages;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/** Keeps {@link OpenEvent} up to date from the events topic; every write is idempotent by message id. */
@Configuration
class EventMessages {

    @Bean
    Consumer<Message<byte[]>> eventsMessages(ReactiveMongoTemplate mongo) {
        return InboundMessages.consumer(message -> apply(mongo, message));
    }

    static Mono<?> apply(ReactiveMongoTemplate mongo, IntegrationMessage message) {
        if (message instanceof RegistrationOpened opened) {
            return upsert(mongo, opened, new Update()
                    .set("title", opened.title())
                    .set("capacity", opened.capacity())
                    .set("registrationOpen", true)
                    .set("closesAt", opened.closesAt())
                    .setOnInsert("cancelled", false)
                    .setOnInsert("seatHolders", java.util.List.of()));
        }
        if (message instanceof RegistrationClosed closed) {
            return upsert(mongo, closed, new Update().set("registrationOpen", false));
        }
        if (message instanceof EventCancelled cancelled) {
            return upsert(mongo, cancelled, new Update().set("registrationOpen", false).set("cancelled", true));
        }
        if (message instanceof CapacityChanged changed) {
            return upsert(mongo, changed, new Update().set("capacity", changed.capacity()));
        }
        return Mono.empty();
    }

    private static Mono<OpenEvent> upsert(ReactiveMongoTemplate mongo, IntegrationMessage message, Update update) {
        return Idempotency.upsert(mongo, OpenEvent.class, message.eventId(), message, update);
    }
}
