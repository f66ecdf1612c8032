package io.hoithao.events.schedule;

import io.hoithao.events.event.EventStore;
import io.hoithao.events.live.ProgrammeChange;
import io.hoithao.events.live.ProgrammeChanges;
import io.hoithao.events.live.StreamLimits;
import io.hoithao.platform.openapi.Answers;
import io.hoithao.platform.security.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An event's programme: as JSON by day, as an iCalendar file, and as a live stream of its changes.
 * Public once the event is published; a draft's programme only for its managers (404 to anyone else).
 */
@RestController
@RequestMapping("/api/events/{eventId}")
class ScheduleHandler {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    /** Keeps idle streams open through proxies that close silent connections. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final ProgrammeViewService views;
    private final EventStore events;
    private final CalendarExport calendar;
    private final ProgrammeChanges changes;
    private final StreamLimits limits;

    ScheduleHandler(ProgrammeViewService views, EventStore events, CalendarExport calendar, ProgrammeChanges changes,
                    StreamLimits limits) {
        this.views = views;
        this.events = events;
        this.calendar = calendar;
        this.changes = changes;
        this.limits = limits;
    }

    @GetMapping(path = "/programme", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ProgrammeView> programme(@PathVariable String eventId, Caller caller) {
        return views.view(eventId, caller);
    }

    @GetMapping(path = "/programme.ics", produces = "text/calendar")
    Mono<ResponseEntity<String>> ics(@PathVariable String eventId, Caller caller) {
        return events.find(eventId, caller).map(event -> ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("programme-" + eventId + ".ics").build().toString())
                .body(calendar.render(event)));
    }

    /**
     * Server-sent events: one {@code programme-change} per change, after a {@code ready} event once subscribed
     * (which carries the {@code retry} to wait before reconnecting). The stream ends after its maximum duration,
     * and a client address holding too many streams is refused ({@link StreamLimits}).
     */
    @GetMapping(path = "/programme/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Answers(value = 429, description = "This client address already holds as many live streams as it may (Retry-After says when to try again)")
    Flux<ServerSentEvent<Object>> changes(@PathVariable String eventId, Caller caller, ServerHttpRequest request) {
        // Resolve the event first so an unknown id (or a draft the caller may not see) is a 404 problem, not an empty stream.
        return events.find(eventId, caller).flatMapMany(event -> limits.open(request, () -> {
            Flux<ServerSentEvent<Object>> live = changes.of(eventId).map(change -> ServerSentEvent.<Object>builder(change)
                    .event("programme-change").id(change.change() + "-" + change.at().toEpochMilli()).build());
            Flux<ServerSentEvent<Object>> heartbeat = Flux.interval(HEARTBEAT).map(tick -> ServerSentEvent.<Object>builder()
                    .comment("keep-alive").build());
            ServerSentEvent<Object> ready = ServerSentEvent.<Object>builder((Object) new Ready(eventId)).event("ready")
                    .retry(limits.reconnectAfter()).build();
            // merge subscribes in order: the change feed is listening before "ready" goes out.
            return Flux.merge(live, heartbeat, Mono.just(ready));
        }));
    }

    record Ready(String eventId) {
    }
}
