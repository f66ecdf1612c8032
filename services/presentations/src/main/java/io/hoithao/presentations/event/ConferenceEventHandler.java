package io.hoithao.presentations.event;

import io.hoithao.platform.web.ProblemException;
import io.hoithao.presentations.event.ConferenceEvent.CallForPapers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The events papers may be submitted to, and their calls for papers. */
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

    record CallForPapersRequest(
            @NotNull OffsetDateTime opensAt,
            @NotNull OffsetDateTime closesAt,
            @Size(max = 30) List<@NotBlank @Size(max = 200) String> topics,
            @Min(5) @Max(240) Integer maxMinutes) {
    }

    /** Organisers open (or change) the call for papers; the event must be known and not cancelled. */
    @PutMapping("/{eventId}/call-for-papers")
    Mono<ConferenceEvent> callForPapers(@PathVariable String eventId, @Valid @RequestBody CallForPapersRequest request) {
        if (!request.closesAt().isAfter(request.opensAt())) {
            throw ProblemException.invalidField("closesAt", "must be after opensAt");
        }
        CallForPapers call = new CallForPapers(request.opensAt().toInstant(), request.closesAt().toInstant(),
                request.topics() == null ? List.of() : List.copyOf(request.topics()),
                request.maxMinutes() == null ? 30 : request.maxMinutes());
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(eventId).and("cancelled").is(false)),
                        new Update().set("callForPapers", call), FindAndModifyOptions.options().returnNew(true),
                        ConferenceEvent.class)
                .switchIfEmpty(Mono.defer(() -> get(eventId).flatMap(event -> Mono.error(ProblemException.conflict(
                        "event-cancelled", "Event " + eventId + " was cancelled").with("eventId", eventId)))));
    }
}
