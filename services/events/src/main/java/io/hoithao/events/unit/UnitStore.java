package io.hoithao.events.unit;

import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.platform.outbox.Publishing;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.platform.web.ProblemTypes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Reads units and writes them, each change one conditional write of the unit's document guarded by the
 * version read, with the change's messages in the same write ({@link Publishing}); the messages are
 * published right after (and by the platform's sweep after a crash). A name taken by a
 * sibling is refused by the unique {@code siblingKey} index, so two concurrent requests cannot both
 * create the same unit.
 */
@Component
class UnitStore {

    static final String COLLECTION = "units";
    /** Deeper than any real directory (province, district, school, with a centre between): a guard against loops. */
    static final int MAX_DEPTH = 16;

    private final ReactiveMongoTemplate mongo;
    private final Publishing publishing;
    private final Clock clock;

    UnitStore(ReactiveMongoTemplate mongo, Publishing publishing, Clock clock) {
        this.mongo = mongo;
        this.publishing = publishing;
        this.clock = clock;
    }

    /**
     * What a decided change writes, the messages that tell about it, and the unit's parent and name after
     * it (to name the sibling a refused name belongs to).
     */
    record Change(Update update, List<? extends UnitsMessage> messages, String parentId, String officialName) {
    }

    /** A new unit and the messages that tell about it, to be inserted whole. */
    record Creation(Unit unit, List<? extends UnitsMessage> messages) {
    }

    Mono<Unit> find(String id) {
        return mongo.findById(id, Unit.class).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Unit", id)));
    }

    Mono<Unit> findIfExists(String id) {
        return mongo.findById(id, Unit.class);
    }

    /** The unit of this parent (null: at the top) with this name, if any. */
    Mono<Unit> sibling(String parentId, String officialName) {
        return mongo.findOne(Query.query(Criteria.where("siblingKey").is(UnitRules.siblingKey(parentId, officialName))), Unit.class);
    }

    /** The unit's parent, its parent's parent... up to the top, nearest first. */
    Flux<Unit> ancestors(Unit unit) {
        return Flux.defer(() -> {
            List<Unit> found = new ArrayList<>();
            return Mono.justOrEmpty(unit.parentId())
                    .expand(parentId -> found.size() >= MAX_DEPTH ? Mono.empty()
                            : findIfExists(parentId).doOnNext(found::add).mapNotNull(Unit::parentId))
                    .thenMany(Flux.defer(() -> Flux.fromIterable(found)));
        });
    }

    /** Inserts a new unit with its messages; a sibling of the same name is 409 {@code duplicate}, naming it. */
    Mono<Unit> insert(Creation creation) {
        Unit unit = creation.unit();
        return publishing.insert(unit, creation.messages())
                .onErrorResume(DuplicateKeyException.class, e -> duplicate(unit.parentId(), unit.officialName(), e));
    }

    /**
     * Applies the change decided (asynchronously: the decision may read ancestors for the caller's rights)
     * on the unit as read, in one write guarded by its version; decided again on fresh state if someone
     * changed the unit meanwhile; a decision that completes empty changes nothing. The new version is
     * {@code unit.version() + 1}.
     */
    Mono<Unit> change(String id, Function<Unit, Mono<Change>> decision) {
        return find(id)
                .flatMap(unit -> decision.apply(unit)
                        .flatMap(change -> write(unit, change))
                        .switchIfEmpty(Mono.just(unit)))
                .retryWhen(Retry.max(10).filter(ConcurrentChange.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> new OptimisticLockingFailureException("unit " + id + " kept changing")));
    }

    private Mono<Unit> write(Unit unit, Change change) {
        Query guard = Query.query(Criteria.where("_id").is(unit.id()).and("version").is(unit.version()));
        Update update = change.update().set("updatedAt", clock.instant()).inc("version", 1);
        return publishing.update(guard, update, change.messages(), Unit.class)
                .onErrorResume(DuplicateKeyException.class, e -> duplicate(change.parentId(), change.officialName(), e))
                .switchIfEmpty(Mono.error(ConcurrentChange::new));
    }

    private Mono<Unit> duplicate(String parentId, String officialName, DuplicateKeyException cause) {
        return sibling(parentId, officialName)
                .map(existing -> ProblemException.conflict(ProblemTypes.DUPLICATE, "There is already a unit named "
                                + existing.officialName() + (parentId == null ? " at the top of the directory" : " under the same parent")
                                + " (" + existing.id() + ")")
                        .with("existingUnitId", existing.id()))
                .switchIfEmpty(Mono.error(cause))
                .flatMap(Mono::error);
    }

    /** The version changed between reading and writing; the change is decided again on fresh state. */
    static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("concurrent change", null, false, false);
        }
    }
}
