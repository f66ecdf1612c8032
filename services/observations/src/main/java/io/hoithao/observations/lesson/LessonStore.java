package io.hoithao.observations.lesson;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.platform.outbox.Publishing;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.platform.web.ProblemTypes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Changes a lesson by one conditional write: read it, decide, then write only if the lesson is still
 * as read (its {@code version}, or a decision's own guard), with the change's messages in the same
 * update; retry with a fresh read when someone else changed it first. The messages carry exact figures
 * (seats left, revision) because the decision was taken on exactly the state the write replaces.
 */
@Component
public class LessonStore {

    private static final int ATTEMPTS = 60;

    private final ReactiveMongoTemplate mongo;
    private final Publishing publishing;
    private final Clock clock = Clock.systemUTC();

    LessonStore(ReactiveMongoTemplate mongo, Publishing publishing) {
        this.mongo = mongo;
        this.publishing = publishing;
    }

    /**
     * What to write, decided on the lesson as read, and the messages that tell about it (written with it and
     * published after it). A decision without an update writes nothing and
     * answers at once; {@code guard}, when given, replaces the version check (for writes whose
     * messages do not depend on the exact state, so they need not retry under contention).
     */
    public record Decision<R>(Update update, List<? extends IntegrationMessage> messages, Criteria guard, R result) {

        public static <R> Decision<R> none(R result) {
            return new Decision<>(null, List.of(), null, result);
        }

        public static <R> Decision<R> write(Update update, R result) {
            return write(update, List.of(), result);
        }

        public static <R> Decision<R> write(Update update, List<? extends IntegrationMessage> messages, R result) {
            return new Decision<>(update, messages, null, result);
        }
    }

    public Mono<Lesson> find(String lessonId) {
        return mongo.findById(lessonId, Lesson.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Lesson", lessonId)));
    }

    /** Emits the decision's result once written; the decision may throw a {@link ProblemException} to refuse. */
    public <R> Mono<R> change(String lessonId, Function<Lesson, Decision<R>> decide) {
        return attempt(lessonId, decide, ATTEMPTS);
    }

    private <R> Mono<R> attempt(String lessonId, Function<Lesson, Decision<R>> decide, int attemptsLeft) {
        return find(lessonId).flatMap(lesson -> {
            Decision<R> decision = decide.apply(lesson);
            if (decision.update() == null) {
                return Mono.justOrEmpty(decision.result());
            }
            Criteria filter = Criteria.where("_id").is(lessonId);
            filter = decision.guard() == null ? filter.and("version").is(lesson.version()) : filter.andOperator(decision.guard());
            Update update = decision.update().inc("version", 1).set("updatedAt", clock.instant());
            return publishing.update(Query.query(filter), update, decision.messages(), Lesson.class)
                    .map(written -> decision.result())
                    .switchIfEmpty(Mono.defer(() -> {
                        if (attemptsLeft <= 1) {
                            return Mono.error(new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_MODIFICATION,
                                    "Concurrent modification", "Lesson " + lessonId + " is changing too fast; retry"));
                        }
                        // Someone changed the lesson between our read and our write: decide again on its new state.
                        Duration pause = Duration.ofMillis(ThreadLocalRandom.current().nextInt(1, 5 + 2 * (ATTEMPTS - attemptsLeft)));
                        return Mono.delay(pause).then(attempt(lessonId, decide, attemptsLeft - 1));
                    }));
        });
    }
}
