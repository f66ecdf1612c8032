package io.hoithao.observations.form;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Observation forms: the event's criteria, submitting and editing a form, and per-lesson aggregates. */
@RestController
@RequestMapping("/api/observations")
class FormHandler {

    private final FormService forms;

    FormHandler(FormService forms) {
        this.forms = forms;
    }

    record TemplateRequest(@NotEmpty @Size(max = 20) List<@NotNull @Valid Criterion> criteria) {
    }

    @GetMapping("/events/{eventId}/form")
    Mono<FormTemplate> template(@PathVariable String eventId) {
        return forms.template(eventId);
    }

    @PutMapping("/events/{eventId}/form")
    Mono<FormTemplate> define(@PathVariable String eventId, @Valid @RequestBody TemplateRequest request) {
        return forms.defineTemplate(eventId, request.criteria());
    }

    @PostMapping("/lessons/{lessonId}/forms")
    Mono<ResponseEntity<ObservationForm>> submit(@PathVariable String lessonId, @Valid @RequestBody FormRequest request) {
        return forms.submit(lessonId, request).map(form -> ResponseEntity
                .created(URI.create("/api/observations/lessons/" + lessonId + "/forms/" + form.registrationId()))
                .body(form.withoutOutbox()));
    }

    @GetMapping("/lessons/{lessonId}/forms/{registrationId}")
    Mono<ObservationForm> get(@PathVariable String lessonId, @PathVariable String registrationId) {
        return forms.find(lessonId, registrationId).map(ObservationForm::withoutOutbox);
    }

    @PutMapping("/lessons/{lessonId}/forms/{registrationId}")
    Mono<ObservationForm> edit(@PathVariable String lessonId, @PathVariable String registrationId,
                               @Valid @RequestBody FormRequest request) {
        return forms.edit(lessonId, registrationId, request).map(ObservationForm::withoutOutbox);
    }

    @GetMapping("/lessons/{lessonId}/forms/summary")
    Mono<Aggregates.Summary> summary(@PathVariable String lessonId) {
        return forms.summary(lessonId);
    }
}
