package io.hoithao.observations.rotation;

import io.hoithao.observations.event.EventAccess;
import io.hoithao.platform.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Rotation plans: preview (with quality figures), read, apply; for the organisers of the event's unit
 * and administrators. A plan's status, assignments and results are the service's: a body sets none of them.
 */
@RestController
@RequestMapping("/api/observations")
class RotationHandler {

    private final RotationService rotations;
    private final EventAccess events;

    RotationHandler(RotationService rotations, EventAccess events) {
        this.rotations = rotations;
        this.events = events;
    }

    @PostMapping("/events/{eventId}/rotations")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ResponseEntity<Rotation>> preview(@PathVariable String eventId, @Valid @RequestBody RotationRequest request,
                                           Caller caller) {
        return events.requireManager(eventId, caller).then(Mono.defer(() -> rotations.preview(eventId, request)))
                .map(rotation -> ResponseEntity.created(URI.create("/api/observations/rotations/" + rotation.id())).body(rotation));
    }

    @GetMapping("/rotations/{rotationId}")
    Mono<Rotation> get(@PathVariable String rotationId, Caller caller) {
        return managed(rotationId, caller);
    }

    @PostMapping("/rotations/{rotationId}/apply")
    Mono<Rotation> apply(@PathVariable String rotationId, Caller caller) {
        return managed(rotationId, caller).then(Mono.defer(() -> rotations.apply(rotationId)));
    }

    /** The plan, if the caller manages its event; 404 if there is no such plan. */
    private Mono<Rotation> managed(String rotationId, Caller caller) {
        return rotations.find(rotationId)
                .flatMap(rotation -> events.requireManager(rotation.eventId(), caller).thenReturn(rotation));
    }
}
