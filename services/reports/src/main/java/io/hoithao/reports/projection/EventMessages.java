package io.hoithao.reports.projection;

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
import io.hoithao.platform.messaging.MessageDispatch;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/** From {@code hoithao.events}: published events, their days, programme and state; programmes and their phases. */
@Configuration
class EventMessages {

    @Bean
    Consumer<Message<byte[]>> eventsMessages(ReactiveMongoTemplate mongo) {
        return MessageDispatch.of(EventsMessage.class)
                .on(EventPublished.class, m -> Writes.upsert(mongo, Projected.Event.class, m.eventId(), m, new Update()
                        .set("title", m.title()).set("kind", m.kind()).set("level", m.level())
                        .set("organiserUnitId", m.organiserUnitId())
                        .set("organiserUnit", m.organiserUnit()).set("startDate", m.startDate()).set("endDate", m.endDate())
                        .set("programmeId", m.programmeId()).set("status", "PUBLISHED")))
                .on(EventRescheduled.class, m -> Writes.upsert(mongo, Projected.Event.class, m.eventId(), m,
                        new Update().set("startDate", m.startDate()).set("endDate", m.endDate())))
                .on(EventProgrammeChanged.class, m -> Writes.newer(mongo, Projected.Event.class, m.eventId(),
                        "programmeRevision", m.revision(), m, new Update().set("programmeId", m.programmeId())))
                .on(EventStarted.class, m -> status(mongo, m, "IN_PROGRESS"))
                .on(EventCompleted.class, m -> status(mongo, m, "COMPLETED"))
                .on(EventCancelled.class, m -> status(mongo, m, "CANCELLED"))
                .on(ProgrammeCreated.class, m -> Writes.upsert(mongo, Projected.Programme.class, m.programmeId(), m,
                        new Update().set("name", m.name()).set("organiserUnit", m.organiserUnit())))
                .on(ProgrammePhaseAdded.class, m -> Writes.upsert(mongo, Projected.Programme.class, m.programmeId(), m,
                        new Update().addToSet("phases", new Projected.Phase(m.name(), m.fromYear(), m.toYear()))))
                // Registration, capacity and sessions are not in the report.
                .ignore(RegistrationOpened.class, RegistrationClosed.class, CapacityChanged.class, SessionScheduled.class, SessionMoved.class, SessionCancelled.class)
                .consumer();
    }

    private static Mono<?> status(ReactiveMongoTemplate mongo, IntegrationMessage m, String status) {
        return Writes.upsert(mongo, Projected.Event.class, m.eventId(), m, new Update().set("status", status));
    }
}
