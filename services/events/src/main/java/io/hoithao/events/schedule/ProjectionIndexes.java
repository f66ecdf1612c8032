package io.hoithao.events.schedule;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The programme view reads every projection by event id (and counts registrations by status). */
@Component
class ProjectionIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    ProjectionIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.concat(
                        mongo.indexOps(ProgrammeProjections.REGISTRATIONS).createIndex(new Index()
                                .on("eventId", Direction.ASC).on("status", Direction.ASC).named("eventId_status")),
                        mongo.indexOps(ProgrammeProjections.LESSONS).createIndex(new Index().on("eventId", Direction.ASC).named("eventId")),
                        mongo.indexOps(ProgrammeProjections.PAPERS).createIndex(new Index().on("eventId", Direction.ASC).named("eventId")))
                .blockLast();
    }
}
