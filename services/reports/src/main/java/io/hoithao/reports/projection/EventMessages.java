package io.hoithao.reports.projection;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventCompleted;
import io.hoithao.contracts.events.EventProgrammeChanged;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.EventStarted;
import io.hoithao.contracts.events.ProgrammeCreated;
import io.hoithao.contracts.events.ProgrammePhaseAdded;
import io.hoithao.platform.messaging.InboundMessages;
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
        return InboundMessages.consumer(message -> apply(mongo, message));
    }

    static Mono<?> apply(ReactiveMongoTemplate mongo, IntegrationMessage message) {
        if (message instanceof EventPublished m) {
            return Writes.upsert(mongo, Projected.Event.class, m.eventId(), m, new Update()
                    .set("title", m.title()).set("kind", m.kind()).set("level", m.level())
                    .set("organiserUnitId", m.organiserUnitId())
                    .set("organiserUnit", m.organiserUnit()).set("startDate", m.startDate()).set("endDate", m.endDate())
                    .set("programmeId", m.programmeId()).set("status", "PUBLISHED"));
        }
        if (message instanceof EventRescheduled m) {
            return Writes.upsert(mongo, Projected.Event.class, m.eventId(), m,
                    new Update().set("startDate", m.startDate()).set("endDate", m.endDate()));
        }
        if (message instanceof EventProgrammeChanged m) {
            return Writes.newer(mongo, Projected.Event.class, m.eventId(), "programmeRevision", m.revision(), m,
                    new Update().set("programmeId", m.programmeId()));
        }
        if (message instanceof EventStarted m) {
            return status(mongo, m, "IN_PROGRESS");
        }
        if (message instanceof EventCompleted m) {
            return status(mongo, m, "COMPLETED");
        }
        if (message instanceof EventCancelled m) {
            return status(mongo, m, "CANCELLED");
        }
        if (message instanceof ProgrammeCreated m) {
            return Writes.upsert(mongo, Projected.Programme.class, m.programmeId(), m,
                    new Update().set("name", m.name()).set("organiserUnit", m.organiserUnit()));
        }
        if (message instanceof ProgrammePhaseAdded m) {
            return Writes.upsert(mongo, Projected.Programme.class, m.programmeId(), m,
                    new Update().addToSet("phases", new Projected.Phase(m.name(), m.fromYear(), m.toYear())));
        }
        return Mono.empty();
    }

    private static Mono<?> status(ReactiveMongoTemplate mongo, IntegrationMessage m, String status) {
        return Writes.upsert(mongo, Projected.Event.class, m.eventId(), m, new Update().set("status", status));
    }
}
