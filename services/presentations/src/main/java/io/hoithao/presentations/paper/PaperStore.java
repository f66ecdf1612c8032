package io.hoithao.presentations.paper;

import io.hoithao.contracts.presentations.PresentationsMessage;
import io.hoithao.platform.outbox.Publishing;
import io.hoithao.platform.outbox.StatusUpdates;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.platform.web.ProblemTypes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Reads papers and changes them: a change is decided in plain Java on the paper as read ({@link PaperLifecycle}),
 * then written by one conditional update that matches only that version and carries the change's messages
 * ({@link Publishing}). A writer that lost a race reads again and decides again.
 */
@Component
public class PaperStore {

    public static final String COLLECTION = "papers";

    private final ReactiveMongoTemplate mongo;
    private final Publishing publishing;
    private final Clock clock;

    PaperStore(ReactiveMongoTemplate mongo, Publishing publishing, Clock clock) {
        this.mongo = mongo;
        this.publishing = publishing;
        this.clock = clock;
    }

    public Mono<Paper> find(String paperId) {
        return mongo.findById(paperId, Paper.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Paper", paperId)));
    }

    /**
     * What a reviewer's desk lists, oldest first (at most {@code limit}): the papers under review (but at the events
     * in {@code closedEvents}, whose reviewers are named and she is not one), of one event if {@code eventId} is given,
     * and those reviewed by {@code reviewerEmail} (if any).
     */
    public Flux<Paper> onDesk(String eventId, List<String> closedEvents, String reviewerEmail, int limit) {
        List<Criteria> any = new ArrayList<>();
        Criteria underReview = Criteria.where("status").in(PaperAccess.UNDER_REVIEW);
        any.add(closedEvents.isEmpty() ? underReview : underReview.and("eventId").nin(closedEvents));
        if (reviewerEmail != null) {
            any.add(Criteria.where("reviews.reviewerEmail").is(reviewerEmail));
        }
        Criteria criteria = new Criteria().orOperator(any);
        if (eventId != null) {
            criteria = new Criteria().andOperator(Criteria.where("eventId").is(eventId), criteria);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("submittedAt", "_id")).limit(limit), Paper.class);
    }

    /** Every paper of the event but the withdrawn ones, oldest first (at most {@code limit}). */
    public Flux<Paper> ofEvent(String eventId, int limit) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId).and("status").ne(PaperStatus.WITHDRAWN))
                .with(Sort.by("submittedAt", "_id")).limit(limit), Paper.class);
    }

    /** Inserts a new paper with the messages that tell about it. */
    public Mono<Paper> insert(Paper paper, List<? extends PresentationsMessage> messages) {
        return publishing.insert(paper, messages);
    }

    /**
     * Has {@code lifecycle} decide on the paper as it is now, and writes a decided change as one update guarded by
     * the version read: its status (only along {@link PaperStatus#canBecome}, which {@link PaperDecision.Change}
     * holds to), its fields, what it appends, its messages. A refusal is answered as it is, with nothing written.
     * When someone changed the paper meanwhile, it is read and decided again, a few times.
     */
    public Mono<PaperDecision.Result> apply(String paperId, Function<Paper, PaperDecision> lifecycle) {
        return Mono.defer(() -> find(paperId).flatMap(paper -> {
                    PaperDecision decision = lifecycle.apply(paper);
                    if (decision instanceof PaperDecision.Refusal refusal) {
                        return Mono.<PaperDecision.Result>just(refusal);
                    }
                    return write(paper, (PaperDecision.Change) decision).<PaperDecision.Result>map(PaperDecision.Done::new);
                }))
                .retryWhen(Retry.max(3).filter(ConcurrentChange.class::isInstance))
                .onErrorMap(e -> e instanceof ConcurrentChange || e.getCause() instanceof ConcurrentChange, e -> new ProblemException(HttpStatus.CONFLICT,
                        ProblemTypes.CONCURRENT_MODIFICATION, "Concurrent modification",
                        "Paper " + paperId + " kept changing; read it again and retry"));
    }

    private Mono<Paper> write(Paper read, PaperDecision.Change change) {
        Update update = StatusUpdates.of(change.write()).inc("version", 1).set("updatedAt", clock.instant());
        Query query = Query.query(Criteria.where("_id").is(read.id()).and("version").is(read.version()));
        return publishing.update(query, update, change.write().messages(), Paper.class)
                .switchIfEmpty(Mono.error(ConcurrentChange::new));
    }

    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }
}
