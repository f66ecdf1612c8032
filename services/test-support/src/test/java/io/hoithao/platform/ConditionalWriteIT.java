package io.hoithao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.testing.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;

/**
 * The guarantee every seat decision rests on: a conditional single-document write is atomic, so many
 * racing claims on the last seats of one document never overbook, whichever backend the tests run on.
 */
@IntegrationTest
class ConditionalWriteIT {

    @Autowired
    ReactiveMongoTemplate mongo;

    @RepeatedTest(3)
    void racingClaimsNeverTakeMoreThanTheSeats() {
        String id = "lesson-" + UUID.randomUUID();
        mongo.insert(new Document("_id", id).append("seats", 8).append("holders", List.of()), "seats").block();

        Query claimable = Query.query(Criteria.where("_id").is(id)
                .andOperator(Criteria.expr(() -> new Document("$lt", List.of(new Document("$size", "$holders"), "$seats")))));
        Long granted = Flux.range(0, 200)
                .flatMap(i -> mongo.findAndModify(claimable, new Update().push("holders", "d" + i),
                        FindAndModifyOptions.options().returnNew(true), Document.class, "seats"), 64)
                .count()
                .block();

        assertThat(granted).isEqualTo(8);
        assertThat(mongo.findById(id, Document.class, "seats").block().getList("holders", String.class))
                .hasSize(8).doesNotHaveDuplicates();
    }
}
