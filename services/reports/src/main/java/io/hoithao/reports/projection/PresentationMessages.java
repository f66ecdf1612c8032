package io.hoithao.reports.projection;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.presentations.PaperAccepted;
import io.hoithao.contracts.presentations.PaperRejected;
import io.hoithao.contracts.presentations.PaperRevised;
import io.hoithao.contracts.presentations.PaperScheduled;
import io.hoithao.contracts.presentations.PaperSubmitted;
import io.hoithao.contracts.presentations.PaperUnscheduled;
import io.hoithao.contracts.presentations.PaperWithdrawn;
import io.hoithao.platform.messaging.InboundMessages;
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
        return InboundMessages.consumer(message -> apply(mongo, message));
    }

    static Mono<?> apply(ReactiveMongoTemplate mongo, IntegrationMessage message) {
        if (message instanceof PaperSubmitted m) {
            return paper(mongo, m, m.paperId(), new Update().set("title", m.title()).set("unit", m.unit()).set("status", "SUBMITTED"));
        }
        if (message instanceof PaperRevised m) {
            return paper(mongo, m, m.paperId(), new Update().set("title", m.title()).set("unit", m.unit()));
        }
        if (message instanceof PaperAccepted m) {
            return paper(mongo, m, m.paperId(), new Update().set("title", m.title()).set("unit", m.unit()).set("status", "ACCEPTED"));
        }
        if (message instanceof PaperRejected m) {
            return paper(mongo, m, m.paperId(), new Update().set("status", "REJECTED"));
        }
        if (message instanceof PaperWithdrawn m) {
            return paper(mongo, m, m.paperId(), new Update().set("status", "WITHDRAWN").set("scheduled", false));
        }
        if (message instanceof PaperScheduled m) {
            return paper(mongo, m, m.paperId(), new Update().set("title", m.title()).set("unit", m.unit())
                    .set("status", "ACCEPTED").set("scheduled", true));
        }
        if (message instanceof PaperUnscheduled m) {
            return paper(mongo, m, m.paperId(), new Update().set("scheduled", false));
        }
        return Mono.empty();
    }

    private static Mono<?> paper(ReactiveMongoTemplate mongo, IntegrationMessage m, String id, Update update) {
        return Writes.upsert(mongo, Projected.Paper.class, id, m, update.set("eventId", m.eventId()));
    }
}
