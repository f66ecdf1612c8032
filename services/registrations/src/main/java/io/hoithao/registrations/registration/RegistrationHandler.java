package io.hoithao.registrations.registration;

import io.hoithao.registrations.event.OpenEvent;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The registrations API: register a delegate, read a registration, see an event's seats. */
@RestController
@RequestMapping("/api/registrations")
class RegistrationHandler {

    private final RegistrationService registrations;

    RegistrationHandler(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @PostMapping
    Mono<ResponseEntity<RegistrationView>> register(@Valid @RequestBody RegistrationRequest request) {
        return registrations.register(request).map(registration -> ResponseEntity
                .created(URI.create("/api/registrations/" + registration.id()))
                .body(RegistrationView.of(registration)));
    }

    @GetMapping("/{id}")
    Mono<RegistrationView> get(@PathVariable String id) {
        return registrations.find(id).map(RegistrationView::of);
    }

    /** What this service has learnt of an event: whether registration is open and how many seats are taken. */
    @GetMapping("/events/{eventId}")
    Mono<EventSeats> seats(@PathVariable String eventId) {
        return registrations.event(eventId).map(EventSeats::of);
    }

    record EventSeats(String eventId, String title, boolean registrationOpen, Instant closesAt, boolean cancelled,
                      int capacity, int confirmed, int seatsLeft) {

        static EventSeats of(OpenEvent event) {
            return new EventSeats(event.id(), event.title(), event.registrationOpen(), event.closesAt(), event.cancelled(),
                    event.capacity(), event.confirmed(), Math.max(0, event.capacity() - event.confirmed()));
        }
    }
}
