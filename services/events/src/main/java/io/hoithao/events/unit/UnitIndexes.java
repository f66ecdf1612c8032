package io.hoithao.events.unit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.ReactiveIndexOperations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The directory's indexes, created at start-up before the seed: {@code siblingKey} unique (no two units
 * of one parent share a name, decided by the database even for concurrent requests), the parent (children,
 * descendants), the exact official name (the organisers' bridge), the folded words (search).
 */
@Component
@Order(0)
class UnitIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    UnitIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        ReactiveIndexOperations units = mongo.indexOps(UnitStore.COLLECTION);
        Flux.just(
                        new Index().on("siblingKey", Direction.ASC).unique().named("siblingKey_unique"),
                        new Index().on("parentId", Direction.ASC).on("officialName", Direction.ASC).named("parent_name"),
                        new Index().on("officialName", Direction.ASC).named("officialName"),
                        new Index().on("searchTerms", Direction.ASC).named("searchTerms"))
                .concatMap(units::createIndex)
                .blockLast();
    }
}
