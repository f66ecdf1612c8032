package io.hoithao.events.event;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.ReactiveIndexOperations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The indexes behind the event list's filters and search, created at start-up (creating an existing
 * index is a no-op). Every filter combines with the list's sort on {@code startDate}.
 */
@Component
class EventIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    EventIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        ReactiveIndexOperations events = mongo.indexOps(EventStore.COLLECTION);
        Flux.just(
                        new Index().on("status", Direction.ASC).on("startDate", Direction.ASC).named("status_startDate"),
                        new Index().on("level", Direction.ASC).on("kind", Direction.ASC).on("startDate", Direction.ASC)
                                .named("level_kind_startDate"),
                        new Index().on("kind", Direction.ASC).on("startDate", Direction.ASC).named("kind_startDate"),
                        new Index().on("organiserUnitId", Direction.ASC).on("startDate", Direction.ASC).named("organiserUnitId_startDate"),
                        new Index().on("programmeId", Direction.ASC).on("startDate", Direction.ASC).named("programme_startDate"),
                        new Index().on("startDate", Direction.ASC).on("endDate", Direction.ASC).named("startDate_endDate"),
                        new Index().on("searchTerms", Direction.ASC).named("searchTerms"))
                .concatMap(events::createIndex)
                .blockLast();
    }
}
