package io.hoithao.observations.event;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventCompleted;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.observations.booking.BookingService;
import io.hoithao.observations.form.FormService;
import io.hoithao.observations.lesson.LessonService;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.messaging.InboundMessages;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * Follows the events topic: a published event tells which unit organises it (and so who manages it
 * here); demonstration-lesson sessions become lessons and carry them along when moved or cancelled; a
 * cancelled event cancels its lessons' bookings; a completed event closes its forms. Each reaction is
 * idempotent: by message id, by the session's revision, or because it only acts on lessons still in the
 * state it changes.
 */
@Configuration
class EventMessages {

    @Bean
    Consumer<Message<byte[]>> eventsMessages(ReactiveMongoTemplate mongo, LessonService lessons, BookingService bookings,
                                             FormService forms) {
        return InboundMessages.consumer(message -> apply(mongo, lessons, bookings, forms, message));
    }

    static Mono<?> apply(ReactiveMongoTemplate mongo, LessonService lessons, BookingService bookings, FormService forms,
                         IntegrationMessage message) {
        if (message instanceof EventPublished published) {
            // Only the unit: whether the event was cancelled or completed is not this message's to say.
            Update update = new Update()
                    .set("organiserUnit", published.organiserUnit())
                    .setOnInsert("cancelled", false).setOnInsert("completed", false)
                    .set("updatedAt", published.occurredAt());
            // Older messages name the unit only: they leave the id as it was (none: administrators manage the event).
            if (published.organiserUnitId() != null) {
                update.set("organiserUnitId", published.organiserUnitId());
            }
            return Idempotency.upsert(mongo, ObservedEvent.class, published.eventId(), published, update);
        }
        if (message instanceof SessionScheduled scheduled) {
            return lessons.fromSession(scheduled);
        }
        if (message instanceof SessionMoved moved) {
            return bookings.follow(moved);
        }
        if (message instanceof SessionCancelled cancelled) {
            return bookings.cancelLesson(LessonService.idOfSession(cancelled.sessionId()), "Session cancelled");
        }
        if (message instanceof EventCancelled cancelled) {
            return Idempotency.upsert(mongo, ObservedEvent.class, cancelled.eventId(), cancelled,
                            new Update().set("cancelled", true).setOnInsert("completed", false).set("updatedAt", cancelled.occurredAt()))
                    .then(bookings.cancelEvent(cancelled.eventId(),
                            cancelled.reason() == null ? "Event cancelled" : cancelled.reason()));
        }
        if (message instanceof EventCompleted completed) {
            return Idempotency.upsert(mongo, ObservedEvent.class, completed.eventId(), completed,
                            new Update().set("completed", true).setOnInsert("cancelled", false).set("updatedAt", completed.occurredAt()))
                    .then(forms.lock(completed.eventId()));
        }
        return Mono.empty();
    }
}
