package io.hoithao.observations.event;

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
import io.hoithao.observations.booking.BookingService;
import io.hoithao.observations.form.FormService;
import io.hoithao.observations.lesson.LessonService;
import io.hoithao.platform.events.EventCopy;
import io.hoithao.platform.events.EventFacts;
import io.hoithao.platform.messaging.MessageDispatch;
import io.hoithao.platform.units.UnitNameFollower;
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
        Handler handler = new Handler(mongo, bookings, forms);
        return MessageDispatch.of(EventsMessage.class)
                .on(EventPublished.class, handler::published)
                .on(SessionScheduled.class, lessons::fromSession)
                .on(SessionMoved.class, bookings::follow)
                .on(SessionCancelled.class, cancelled ->
                        bookings.cancelLesson(LessonService.idOfSession(cancelled.sessionId()), "Session cancelled"))
                .on(EventCancelled.class, handler::cancelled)
                .on(EventCompleted.class, handler::completed)
                // Lessons keep their own days, seats and observers: the event's registration, capacity and days,
                // its start and its programme change nothing here.
                .ignore(EventRescheduled.class, RegistrationOpened.class, RegistrationClosed.class, CapacityChanged.class,
                        EventStarted.class, EventProgrammeChanged.class, ProgrammeCreated.class, ProgrammePhaseAdded.class)
                .consumer();
    }

    /** The events' copies of their organising unit's name follow the directory, so answers show its current name. */
    @Bean
    UnitNameFollower eventUnitNames(ReactiveMongoTemplate mongo) {
        return EventCopy.organiserNameCopies(ObservedEvent.class).follower(mongo);
    }

    record Handler(ReactiveMongoTemplate mongo, BookingService bookings, FormService forms) {

        Mono<?> published(EventPublished published) {
            // Only the unit (an older message without its id: administrators manage the event): whether the event
            // was cancelled or completed is not this message's to say.
            return EventFacts.apply(mongo, ObservedEvent.class, published, EventFacts.organisingUnit(published)
                    .setOnInsert("cancelled", false).setOnInsert("completed", false)
                    .set("updatedAt", published.occurredAt()));
        }

        Mono<?> cancelled(EventCancelled cancelled) {
            return EventFacts.apply(mongo, ObservedEvent.class, cancelled,
                            EventFacts.cancelled().setOnInsert("completed", false).set("updatedAt", cancelled.occurredAt()))
                    .then(bookings.cancelEvent(cancelled.eventId(),
                            cancelled.reason() == null ? "Event cancelled" : cancelled.reason()));
        }

        Mono<?> completed(EventCompleted completed) {
            return EventFacts.apply(mongo, ObservedEvent.class, completed,
                            new Update().set("completed", true).setOnInsert("cancelled", false).set("updatedAt", completed.occurredAt()))
                    .then(forms.lock(completed.eventId()));
        }
    }
}
