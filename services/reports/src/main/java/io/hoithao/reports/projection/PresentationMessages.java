package io.hoithao.reports.projection;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.presentations.PaperAccepted;
import io.hoithao.contracts.presentations.PaperRejected;
import io.hoithao.contracts.presentations.PaperRevised;
import io.hoithao.contracts.presentations.PaperRevisionRequested;
import io.hoithao.contracts.presentations.PaperScheduled;
import io.hoithao.contracts.presentations.PaperSubmitted;
import io.hoithao.contracts.presentations.PaperUnscheduled;
import io.hoithao.contracts.presentations.PaperWithdrawn;
import io.hoithao.contracts.presentations.PresentationsMessage;
import io.hoithao.platform.messaging.MessageDispatch;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/** From {@code hoithao.presentations}: each paper's unit, state and whether it has a slot in the programme. */
@Configuration
class PresentationMessages {

    @Bean
    Consumer<Message<byte[]>> presentationsMessages(ReactiveMongoTemplate mongo) {
        return MessageDispatch.of(PresentationsMessage.class)
                .on(PaperSubmitted.class, m -> paper(mongo, m, m.paperId(), new Update().set("title", m.title()).set("unit", m.unit()).set("status", "SUBMITTED")))
                .on(PaperRevised.class, m -> paper(mongo, m, m.paperId(), new Update().set("title", m.title()).set("unit", m.unit())))
                .on(PaperAccepted.class, m -> paper(mongo, m, m.paperId(), new Update().set("title", m.title()).set("unit", m.unit()).set("status", "ACCEPTED")))
                .on(PaperRejected.class, m -> paper(mongo, m, m.paperId(), new Update().set("status", "REJECTED")))
                .on(PaperWithdrawn.class, m -> paper(mongo, m, m.paperId(), new Update().set("status", "WITHDRAWN").set("scheduled", false)))
                .on(PaperScheduled.class, m -> paper(mongo, m, m.paperId(), new Update().set("title", m.title()).set("unit", m.unit())
                        .set("status", "ACCEPTED").set("scheduled", true)))
                .on(PaperUnscheduled.class, m -> paper(mongo, m, m.paperId(), new Update().set("scheduled", false)))
                // A revision asked changes neither the unit, the state nor the slot.
                .ignore(PaperRevisionRequested.class)
                .consumer();
    }

    private static Mono<?> paper(ReactiveMongoTemplate mongo, IntegrationMessage m, String id, Update update) {
        return Writes.upsert(mongo, Projected.Paper.class, id, m, update.set("eventId", m.eventId()));
    }
}
