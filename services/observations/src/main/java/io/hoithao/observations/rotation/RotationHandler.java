package io.hoithao.observations.rotation;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Rotation plans: preview (with quality figures), read, apply. */
@RestController
@RequestMapping("/api/observations")
class RotationHandler {

    private final RotationService rotations;

    RotationHandler(RotationService rotations) {
        this.rotations = rotations;
    }

    @PostMapping("/events/{eventId}/rotations")
    Mono<ResponseEntity<Rotation>> preview(@PathVariable String eventId, @Valid @RequestBody RotationRequest request) {
        return rotations.preview(eventId, request).map(rotation -> ResponseEntity
                .created(URI.create("/api/observations/rotations/" + rotation.id())).body(rotation));
    }

    @GetMapping("/rotations/{rotationId}")
    Mono<Rotation> get(@PathVariable String rotationId) {
        return rotations.find(rotationId);
    }

    @PostMapping("/rotations/{rotationId}/apply")
    Mono<Rotation> apply(@PathVariable String rotationId) {
        return rotations.apply(rotationId);
    }
}
