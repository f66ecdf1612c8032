package io.hoithao.presentations.event;

import io.hoithao.platform.web.ProblemException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The events papers may be submitted to. */
@RestController
@RequestMapping("/api/presentations/events")
class ConferenceEventHandler {

    private final ReactiveMongoTemplate mongo;

    ConferenceEventHandler(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/{eventId}")
    Mono<ConferenceEvent> get(@PathVariable String eventId) {
        return mongo.findById(eventId, ConferenceEvent.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Event", eventId)));
    }
}
