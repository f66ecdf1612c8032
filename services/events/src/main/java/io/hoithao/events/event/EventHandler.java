package io.hoithao.events.event;

import io.hoithao.events.event.EventRequests.CancelEvent;
import io.hoithao.events.event.EventRequests.ChangeCapacity;
import io.hoithao.events.event.EventRequests.CreateEvent;
import io.hoithao.events.event.EventRequests.NewVenue;
import io.hoithao.events.event.EventRequests.OpenRegistration;
import io.hoithao.events.event.EventRequests.Reschedule;
import io.hoithao.events.event.EventRequests.UpdateEvent;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The events API: create, find and change events, and move them through their lifecycle. Anyone may
 * read published events; drafts only their managers; every change needs an administrator or an
 * organiser of the event's unit ({@link EventAccess}).
 */
@RestController
@Validated
@RequestMapping("/api/events")
class EventHandler {

    private final EventService events;

    EventHandler(EventService events) {
        this.events = events;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ResponseEntity<EventView>> create(@Valid @RequestBody CreateEvent request, Caller caller) {
        return events.create(request, caller).map(event ->
                ResponseEntity.created(URI.create("/api/events/" + event.id())).body(EventView.of(event)));
    }

    @GetMapping("/{id}")
    Mono<EventView> get(@PathVariable String id, Caller caller) {
        return events.find(id, caller).map(EventView::of);
    }

    @GetMapping
    Mono<Page<EventView>> list(@RequestParam(required = false) EventStatus status,
                               @RequestParam(required = false) EventLevel level,
                               @RequestParam(required = false) EventKind kind,
                               @RequestParam(required = false) @Size(max = 200) String organiser,
                               @RequestParam(required = false) @Size(max = 100) String programmeId,
                               @RequestParam(required = false) LocalDate from,
                               @RequestParam(required = false) LocalDate to,
                               @RequestParam(required = false) @Size(max = 200) String q,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                               Caller caller) {
        EventFilter filter = new EventFilter(status, level, kind, organiser, programmeId, from, to, q);
        return Page.of(events.list(filter, caller, page, size).map(EventView::of), events.count(filter, caller), page, size);
    }

    @PatchMapping("/{id}")
    Mono<EventView> update(@PathVariable String id, @Valid @RequestBody UpdateEvent request, Caller caller) {
        return events.update(id, request, caller).map(EventProblems::orThrow).map(EventView::of);
    }

    @PostMapping("/{id}/venues")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ResponseEntity<EventView>> addVenue(@PathVariable String id, @Valid @RequestBody NewVenue request, Caller caller) {
        return events.addVenue(id, request, caller).map(EventProblems::orThrow).map(event -> ResponseEntity.status(201).body(EventView.of(event)));
    }

    @PostMapping("/{id}/capacity")
    Mono<EventView> changeCapacity(@PathVariable String id, @Valid @RequestBody ChangeCapacity request, Caller caller) {
        return events.changeCapacity(id, request, caller).map(EventProblems::orThrow).map(EventView::of);
    }

    @PostMapping("/{id}/reschedule")
    Mono<EventView> reschedule(@PathVariable String id, @Valid @RequestBody Reschedule request, Caller caller) {
        return events.reschedule(id, request, caller).map(EventProblems::orThrow).map(EventView::of);
    }

    @PostMapping("/{id}/publish")
    Mono<EventView> publish(@PathVariable String id, Caller caller) {
        return events.publish(id, caller).map(EventProblems::orThrow).map(EventView::of);
    }

    @PostMapping("/{id}/registration/open")
    Mono<EventView> openRegistration(@PathVariable String id, @RequestBody(required = false) OpenRegistration request, Caller caller) {
        return events.openRegistration(id, request == null ? null : request.closesAt(), caller).map(EventProblems::orThrow).map(EventView::of);
    }

    @PostMapping("/{id}/registration/close")
    Mono<EventView> closeRegistration(@PathVariable String id, Caller caller) {
        return events.closeRegistration(id, caller).map(EventProblems::orThrow).map(EventView::of);
    }

    @PostMapping("/{id}/start")
    Mono<EventView> start(@PathVariable String id, Caller caller) {
        return events.start(id, caller).map(EventProblems::orThrow).map(EventView::of);
    }

    @PostMapping("/{id}/complete")
    Mono<EventView> complete(@PathVariable String id, Caller caller) {
        return events.complete(id, caller).map(EventProblems::orThrow).map(EventView::of);
    }

    @PostMapping("/{id}/cancel")
    Mono<EventView> cancel(@PathVariable String id, @Valid @RequestBody(required = false) CancelEvent request, Caller caller) {
        return events.cancel(id, request == null ? null : request.reason(), caller).map(EventProblems::orThrow).map(EventView::of);
    }
}
