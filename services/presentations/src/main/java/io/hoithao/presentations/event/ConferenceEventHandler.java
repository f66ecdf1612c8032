package io.hoithao.presentations.event;

import io.hoithao.platform.security.Caller;
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

    private final ConferenceEventStore events;
    private final EventAccess access;

    ConferenceEventHandler(ConferenceEventStore events, EventAccess access) {
        this.events = events;
        this.access = access;
    }

    /** Public: what a visitor needs to decide to come and submit (the event and its call for papers). */
    @GetMapping("/{eventId}")
    Mono<ConferenceEvent> get(@PathVariable String eventId) {
        return events.find(eventId);
    }

    record CallForPapersRequest(
            @NotNull OffsetDateTime opensAt,
            @NotNull OffsetDateTime closesAt,
            @Size(max = 30, message = "at most {max} topics per call for papers") List<@NotBlank @Size(max = 200) String> topics,
            @Min(5) @Max(240) Integer maxMinutes) {
    }

    /**
     * The organisers of the event's unit (or an administrator) open or change the call for papers; the
     * event must be known and not cancelled. Only the call is written, whatever else the body carries.
     */
    @PutMapping("/{eventId}/call-for-papers")
    Mono<ConferenceEvent> callForPapers(@PathVariable String eventId, @Valid @RequestBody CallForPapersRequest request,
                                        Caller caller) {
        return access.requireManager(eventId, caller).then(Mono.defer(() -> {
            if (!request.closesAt().isAfter(request.opensAt())) {
                return Mono.error(ProblemException.invalidField("closesAt", "must be after opensAt"));
            }
            CallForPapers call = new CallForPapers(request.opensAt().toInstant(), request.closesAt().toInstant(),
                    request.topics() == null ? List.of() : List.copyOf(request.topics()),
                    request.maxMinutes() == null ? 30 : request.maxMinutes());
            return events.callForPapers(eventId, call)
                    .switchIfEmpty(Mono.defer(() -> get(eventId).flatMap(event -> Mono.error(ProblemException.conflict(
                            "event-cancelled", "Event " + eventId + " was cancelled").with("eventId", eventId)))));
        }));
    }
}
