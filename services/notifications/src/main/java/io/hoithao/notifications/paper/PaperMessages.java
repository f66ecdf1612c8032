package io.hoithao.notifications.paper;

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
import io.hoithao.notifications.delivery.Deliveries;
import io.hoithao.notifications.mail.Mails.Placement;
import io.hoithao.notifications.mail.Mails;
import io.hoithao.notifications.person.KnownEvent;
import io.hoithao.notifications.person.Person;
import io.hoithao.notifications.preference.Preference;
import io.hoithao.notifications.programme.Session;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.messaging.MessageDispatch;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * From the presentations topic: keeps the {@link KnownPaper} projection and tells the delegate who
 * submitted a paper that it was received, that a revision is asked, that it was accepted or rejected,
 * and where and when it is presented. The submitter's email travels in the messages (since it was
 * added to them); a placement, and an older message without it, find her in the projection.
 */
@Configuration
class PaperMessages {

    private static final Logger log = LoggerFactory.getLogger(PaperMessages.class);

    @Bean
    Consumer<Message<byte[]>> presentationsMessages(ReactiveMongoTemplate mongo, Deliveries deliveries, Mails mails) {
        Handler handler = new Handler(mongo, deliveries, mails);
        return MessageDispatch.of(PresentationsMessage.class)
                .on(PaperSubmitted.class, handler::submitted)
                .on(PaperRevised.class, handler::revised)
                .on(PaperRevisionRequested.class, handler::revisionRequested)
                .on(PaperAccepted.class, handler::accepted)
                .on(PaperRejected.class, handler::rejected)
                .on(PaperUnscheduled.class, handler::unscheduled)
                .on(PaperWithdrawn.class, handler::withdrawn)
                .on(PaperScheduled.class, handler::scheduled)
                .consumer();
    }

    record Handler(ReactiveMongoTemplate mongo, Deliveries deliveries, Mails mails) {

        Mono<?> submitted(PaperSubmitted m) {
            return project(m, m.paperId(), m.title(), m.submitterEmail())
                    .flatMap(paper -> mail(m, "paper.received", paper, null));
        }

        Mono<?> revised(PaperRevised m) {
            return project(m, m.paperId(), m.title(), null); // she edited it herself: nothing to tell
        }

        Mono<?> revisionRequested(PaperRevisionRequested m) {
            return project(m, m.paperId(), null, m.submitterEmail()).flatMap(paper -> mail(m, "paper.revision", paper, null));
        }

        Mono<?> accepted(PaperAccepted m) {
            return project(m, m.paperId(), m.title(), m.submitterEmail()).flatMap(paper -> mail(m, "paper.accepted", paper, null));
        }

        Mono<?> rejected(PaperRejected m) {
            return project(m, m.paperId(), null, m.submitterEmail()).flatMap(paper -> mail(m, "paper.rejected", paper, null));
        }

        Mono<?> unscheduled(PaperUnscheduled m) {
            return leaveSession(m.paperId(), m.sessionId()); // the day's reminder no longer lists it
        }

        Mono<?> withdrawn(PaperWithdrawn m) {
            return leaveSession(m.paperId(), null);
        }

        Mono<?> scheduled(PaperScheduled m) {
            return project(m, m.paperId(), m.title(), null, m.sessionId()).flatMap(paper -> mongo.findById(m.sessionId(), Session.class)
                    .map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(session -> mail(m, "paper.placed", paper, new Placement(
                            session.map(Session::title).orElse(null), session.map(Session::venue).orElse(null),
                            session.map(Session::startsAt).orElse(null), session.map(Session::endsAt).orElse(null),
                            m.position(), m.minutes()))));
        }

        /** Writes what the message says of the paper (once per message) and reads the paper back. */
        private Mono<KnownPaper> project(IntegrationMessage message, String paperId, String title, String email) {
            return project(message, paperId, title, email, null);
        }

        private Mono<KnownPaper> project(IntegrationMessage message, String paperId, String title, String email, String sessionId) {
            Update update = new Update().set("eventId", message.eventId());
            if (sessionId != null) {
                update.set("sessionId", sessionId);
            }
            if (title != null) {
                update.set("title", title);
            }
            if (email != null && !email.isBlank()) {
                update.set("submitterEmail", email.trim().toLowerCase(Locale.ROOT));
            }
            return Idempotency.upsert(mongo, KnownPaper.class, paperId, message, update)
                    .then(mongo.findById(paperId, KnownPaper.class));
        }

        /** The paper is in no session any more (or not in that one: a later placement elsewhere stands). Repeatable as it is. */
        private Mono<?> leaveSession(String paperId, String sessionId) {
            Criteria which = Criteria.where("_id").is(paperId);
            if (sessionId != null) {
                which = which.and("sessionId").is(sessionId);
            }
            return mongo.updateFirst(Query.query(which), new Update().unset("sessionId"), KnownPaper.class);
        }

        private Mono<?> mail(IntegrationMessage message, String kind, KnownPaper paper, Placement placement) {
            String recipient = paper.submitterEmail();
            if (recipient == null) {
                log.info("{} for paper {} not mailed: its submitter's email is not known", kind, paper.paperId());
                return Mono.empty();
            }
            Query submitter = Query.query(Criteria.where("eventId").is(message.eventId())
                    .and("email").regex("^" + Pattern.quote(recipient) + "$", "i"));
            Mono<String> name = mongo.findOne(submitter, Person.class).mapNotNull(Person::fullName).defaultIfEmpty(recipient);
            Mono<String> language = mongo.findById(recipient, Preference.class).map(Preference::language).defaultIfEmpty("vi");
            Mono<Optional<KnownEvent>> event = mongo.findById(message.eventId(), KnownEvent.class)
                    .map(Optional::of).defaultIfEmpty(Optional.empty());
            return Mono.zip(name, language, event).flatMap(t -> deliveries.enqueue(mails.renderPaper(
                    message.messageId().toString(), kind, recipient, t.getT1(), t.getT2(), message.eventId(),
                    t.getT3().orElse(null), paper.title(), placement, message.occurredAt())));
        }
    }
}
