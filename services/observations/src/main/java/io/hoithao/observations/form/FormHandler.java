package io.hoithao.observations.form;

import io.hoithao.observations.delegate.RegistrationAccess;
import io.hoithao.observations.event.EventAccess;
import io.hoithao.observations.lesson.LessonService;
import io.hoithao.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Observation forms: the event's criteria (public to read, set by the event's managers), submitting
 * and editing a form (the delegate who owns the registration, or the event's managers), and per-lesson
 * aggregates (the event's managers). Bodies never set a form's lock, ids, event or lesson.
 */
@RestController
@RequestMapping("/api/observations")
class FormHandler {

    private final FormService forms;
    private final LessonService lessons;
    private final EventAccess events;
    private final RegistrationAccess registrations;

    FormHandler(FormService forms, LessonService lessons, EventAccess events, RegistrationAccess registrations) {
        this.forms = forms;
        this.lessons = lessons;
        this.events = events;
        this.registrations = registrations;
    }

    record TemplateRequest(@NotEmpty @Size(max = 20, message = "at most {max} criteria per form") List<@NotNull @Valid Criterion> criteria) {
    }

    @GetMapping("/events/{eventId}/form")
    Mono<FormTemplate> template(@PathVariable String eventId) {
        return forms.template(eventId);
    }

    @PutMapping("/events/{eventId}/form")
    Mono<FormTemplate> define(@PathVariable String eventId, @Valid @RequestBody TemplateRequest request, Caller caller) {
        return events.requireManager(eventId, caller).then(Mono.defer(() -> forms.defineTemplate(eventId, request.criteria())));
    }

    @PostMapping("/lessons/{lessonId}/forms")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ResponseEntity<ObservationForm>> submit(@PathVariable String lessonId, @Valid @RequestBody FormRequest request,
                                                 Caller caller) {
        return actingFor(lessonId, request.registrationId(), caller)
                .then(Mono.defer(() -> forms.submit(lessonId, request))).map(form -> ResponseEntity
                        .created(URI.create("/api/observations/lessons/" + lessonId + "/forms/" + form.registrationId()))
                        .body(form));
    }

    @GetMapping("/lessons/{lessonId}/forms/{registrationId}")
    Mono<ObservationForm> get(@PathVariable String lessonId, @PathVariable String registrationId, Caller caller) {
        return actingFor(lessonId, registrationId, caller)
                .then(Mono.defer(() -> forms.find(lessonId, registrationId)));
    }

    @PutMapping("/lessons/{lessonId}/forms/{registrationId}")
    Mono<ObservationForm> edit(@PathVariable String lessonId, @PathVariable String registrationId,
                               @Valid @RequestBody FormRequest request, Caller caller) {
        return actingFor(lessonId, registrationId, caller)
                .then(Mono.defer(() -> forms.edit(lessonId, registrationId, request)));
    }

    @GetMapping("/lessons/{lessonId}/forms/summary")
    Mono<Aggregates.Summary> summary(@PathVariable String lessonId, Caller caller) {
        return lessons.find(lessonId).flatMap(lesson -> events.requireManager(lesson.eventId(), caller))
                .then(Mono.defer(() -> forms.summary(lessonId)));
    }

    /** Completes if the caller may act for the registration at the lesson's event; 404 if there is no such lesson. */
    private Mono<RegistrationAccess.Standing> actingFor(String lessonId, String registrationId, Caller caller) {
        return lessons.find(lessonId).flatMap(lesson -> registrations.requireActFor(lesson.eventId(), registrationId, caller));
    }
}
