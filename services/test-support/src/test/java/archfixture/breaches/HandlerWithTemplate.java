package archfixture.breaches;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HandlerWithTemplate {

    private final ReactiveMongoTemplate mongo;

    HandlerWithTemplate(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }
}
