package io.hoithao.presentations.paper;

import io.hoithao.contracts.presentations.PresentationsMessage;
import io.hoithao.platform.outbox.Publishing;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.platform.web.ProblemTypes;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Reads papers and changes them: a change is decided in Java on the paper as read, then written by one
 * conditional update that matches only that version and carries the change's messages ({@link Publishing}).
 * A writer that lost a race reads again and decides again.
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

    /** What a change does to a paper: the update of its fields and the messages it tells the others. */
    public record Change(Update update, List<PresentationsMessage> messages) {
    }

    public Mono<Paper> find(String paperId) {
        return mongo.findById(paperId, Paper.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Paper", paperId)));
    }

    /** Inserts a new paper with the messages that tell about it. */
    public Mono<Paper> insert(Paper paper, List<? extends PresentationsMessage> messages) {
        return publishing.insert(paper, messages);
    }

    /** Applies {@code decide} to the paper as it is now, retrying a few times when someone changed it meanwhile. */
    public Mono<Paper> change(String paperId, Function<Paper, Change> decide) {
        return Mono.defer(() -> find(paperId).flatMap(paper -> write(paper, decide.apply(paper))))
                .retryWhen(Retry.max(3).filter(ConcurrentChange.class::isInstance))
                .onErrorMap(e -> e instanceof ConcurrentChange || e.getCause() instanceof ConcurrentChange, e -> new ProblemException(HttpStatus.CONFLICT,
                        ProblemTypes.CONCURRENT_MODIFICATION, "Concurrent modification",
                        "Paper " + paperId + " kept changing; read it again and retry"));
    }

    private Mono<Paper> write(Paper read, Change change) {
        Update update = change.update().inc("version", 1).set("updatedAt", clock.instant());
        Query query = Query.query(Criteria.where("_id").is(read.id()).and("version").is(read.version()));
        return publishing.update(query, update, change.messages(), Paper.class)
                .switchIfEmpty(Mono.error(ConcurrentChange::new));
    }

    public static ProblemException invalidTransition(Paper paper, String requested) {
        return ProblemException.conflict("invalid-transition",
                        "Paper " + paper.id() + " is " + paper.status() + "; it cannot become " + requested)
                .with("currentState", paper.status().name()).with("requestedState", requested);
    }

    public static ProblemException notSubmitter(Paper paper) {
        return new ProblemException(HttpStatus.FORBIDDEN, "not-submitter", "Not the submitter",
                "Only the delegate who submitted paper " + paper.id() + " may change it").with("paperId", paper.id());
    }

    /** Refuses (403 {@code not-submitter}) anyone but the delegate whose verified email submitted the paper. */
    public static void requireSubmitter(Paper paper, Caller caller) {
        if (caller == null || !caller.owns(paper.submitter().email())) {
            throw notSubmitter(paper);
        }
    }

    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }
}
