package io.hoithao.events.event;

import io.hoithao.events.event.EventRequests.CancelEvent;
import io.hoithao.events.event.EventRequests.CreateEvent;
import io.hoithao.events.event.EventRequests.OpenRegistration;
import io.hoithao.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The events API: create an event, read and list events, move an event through its lifecycle. */
@RestController
@Validated
@RequestMapping("/api/events")
class EventHandler {

    private final EventService events;

    EventHandler(EventService events) {
        this.events = events;
    }

    @PostMapping
    Mono<ResponseEntity<EventView>> create(@Valid @RequestBody CreateEvent request) {
        return events.create(request).map(event ->
                ResponseEntity.created(URI.create("/api/events/" + event.id())).body(EventView.of(event)));
    }

    @GetMapping("/{id}")
    Mono<EventView> get(@PathVariable String id) {
        return events.find(id).map(EventView::of);
    }

    @GetMapping
    Mono<Page<EventView>> list(@RequestParam(required = false) EventStatus status,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return Page.of(events.list(status, page, size).map(EventView::of), events.count(status), page, size);
    }

    @PostMapping("/{id}/publish")
    Mono<EventView> publish(@PathVariable String id) {
        return events.publish(id).map(EventView::of);
    }

    @PostMapping("/{id}/registration/open")
    Mono<EventView> openRegistration(@PathVariable String id, @RequestBody(required = false) OpenRegistration request) {
        return events.openRegistration(id, request == null ? null : request.closesAt()).map(EventView::of);
    }

    @PostMapping("/{id}/registration/close")
    Mono<EventView> closeRegistration(@PathVariable String id) {
        return events.closeRegistration(id).map(EventView::of);
    }

    @PostMapping("/{id}/cancel")
    Mono<EventView> cancel(@PathVariable String id, @Valid @RequestBody(required = false) CancelEvent request) {
        return events.cancel(id, request == null ? null : request.reason()).map(EventView::of);
    }
}
