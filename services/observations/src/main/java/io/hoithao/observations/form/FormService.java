package io.hoithao.observations.form;

import io.hoithao.contracts.observations.ObservationFormSubmitted;
import io.hoithao.observations.event.ObservedEvent;
import io.hoithao.observations.lesson.Lesson;
import io.hoithao.observations.lesson.LessonService;
import io.hoithao.platform.outbox.Publishing;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Observation forms (phiếu dự giờ): only an observer who booked the lesson and whom the organiser marked
 * as attending may submit, once; they may edit it until the event completes; organisers read per-lesson
 * aggregates.
 */
@Service
public class FormService {

    private final ReactiveMongoTemplate mongo;
    private final LessonService lessons;
    private final Publishing publishing;
    private final Clock clock = Clock.systemUTC();

    FormService(ReactiveMongoTemplate mongo, LessonService lessons, Publishing publishing) {
        this.mongo = mongo;
        this.lessons = lessons;
        this.publishing = publishing;
    }

    Mono<FormTemplate> template(String eventId) {
        return mongo.findById(eventId, FormTemplate.class).defaultIfEmpty(FormTemplate.standard(eventId));
    }

    Mono<FormTemplate> defineTemplate(String eventId, List<Criterion> criteria) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            if (!ids.add(criteria.get(i).id())) {
                return Mono.error(ProblemException.invalidField("criteria[" + i + "].id", "duplicate criterion id"));
            }
        }
        return closedFor(eventId).then(mongo.save(new FormTemplate(eventId, List.copyOf(criteria), clock.instant())));
    }

    Mono<ObservationForm> submit(String lessonId, FormRequest request) {
        Instant now = clock.instant();
        String registrationId = request.registrationId();
        return lessons.find(lessonId).flatMap(lesson -> mayWrite(lesson, registrationId, request).then(Mono.defer(() -> {
            String id = ObservationForm.idOf(lessonId, registrationId);
            String formId = "phieu-" + UUID.randomUUID();
            ObservationForm form = new ObservationForm(id, formId, lesson.eventId(), lessonId, registrationId,
                    request.scores(), request.comments(), false, 0, now, now);
            return publishing.insert(form, List.of(new ObservationFormSubmitted(UUID.randomUUID(), now, lesson.eventId(), lessonId,
                            formId, registrationId, request.scores())))
                    .onErrorMap(DuplicateKeyException.class, e -> ProblemException.conflict(
                    "form-already-submitted", "Registration " + registrationId + " already submitted a form for lesson "
                            + lessonId + "; edit it with PUT").with("formId", id));
        })));
    }

    Mono<ObservationForm> edit(String lessonId, String registrationId, FormRequest request) {
        if (!registrationId.equals(request.registrationId())) {
            return Mono.error(ProblemException.invalidField("registrationId", "must be the form's registration"));
        }
        Instant now = clock.instant();
        String id = ObservationForm.idOf(lessonId, registrationId);
        return lessons.find(lessonId).flatMap(lesson -> mayWrite(lesson, registrationId, request))
                .then(find(lessonId, registrationId))
                .flatMap(form -> {
                    Update update = new Update().set("scores", request.scores()).set("comments", request.comments())
                            .set("updatedAt", now).inc("version", 1);
                    ObservationFormSubmitted submitted = new ObservationFormSubmitted(UUID.randomUUID(), now, form.eventId(), lessonId,
                            form.formId(), registrationId, request.scores());
                    // Conditional on the form still being open: the event's completion locks every form of it.
                    return publishing.update(Query.query(Criteria.where("_id").is(id).and("locked").is(false)), update,
                                    List.of(submitted), ObservationForm.class)
                            .switchIfEmpty(Mono.error(() -> formsClosed(form.eventId())));
                });
    }

    Mono<ObservationForm> find(String lessonId, String registrationId) {
        return mongo.findById(ObservationForm.idOf(lessonId, registrationId), ObservationForm.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Observation form of", registrationId + " for lesson " + lessonId)));
    }

    Mono<Aggregates.Summary> summary(String lessonId) {
        return lessons.find(lessonId).flatMap(lesson -> template(lesson.eventId()).zipWith(
                        mongo.find(Query.query(Criteria.where("lessonId").is(lessonId)).with(Sort.by("_id")), ObservationForm.class)
                                .map(ObservationForm::scores).collectList())
                .map(t -> Aggregates.of(lessonId, t.getT1().criteria(), t.getT2())));
    }

    /** The event completed: its forms may no longer change. */
    public Mono<Long> lock(String eventId) {
        return mongo.updateMulti(Query.query(Criteria.where("eventId").is(eventId).and("locked").is(false)),
                new Update().set("locked", true), ObservationForm.class).map(r -> r.getModifiedCount());
    }

    private Mono<Void> mayWrite(Lesson lesson, String registrationId, FormRequest request) {
        boolean attended = lesson.booking(registrationId).map(b -> b.attended()).orElse(false);
        if (!attended) {
            return Mono.error(ProblemException.conflict("not-attended", "Registration " + registrationId
                    + " did not book and attend lesson " + lesson.id() + "; only observers marked present may submit a form")
                    .with("lessonId", lesson.id()).with("registrationId", registrationId));
        }
        return closedFor(lesson.eventId()).then(template(lesson.eventId()).flatMap(template -> validate(template, request)));
    }

    private Mono<Void> closedFor(String eventId) {
        return mongo.findById(eventId, ObservedEvent.class)
                .filter(ObservedEvent::completed)
                .flatMap(event -> Mono.<Void>error(formsClosed(eventId)));
    }

    private static Mono<Void> validate(FormTemplate template, FormRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Criterion criterion : template.criteria()) {
            known.add(criterion.id());
            Integer score = request.scores().get(criterion.id());
            if (score == null) {
                errors.add(ProblemException.fieldError("scores." + criterion.id(), "must be scored"));
            } else if (score < FormTemplate.MIN_SCORE || score > FormTemplate.MAX_SCORE) {
                errors.add(ProblemException.fieldError("scores." + criterion.id(), "must be between 1 and 5"));
            }
        }
        request.scores().keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> errors.add(ProblemException.fieldError("scores." + k, "is not a criterion of this event's form")));
        if (errors.isEmpty()) {
            return Mono.empty();
        }
        errors.sort(java.util.Comparator.comparing(e -> (String) e.get("field")));
        return Mono.error(ProblemException.invalidFields(errors));
    }

    private static ProblemException formsClosed(String eventId) {
        return ProblemException.conflict("forms-closed", "Event " + eventId + " has ended; its observation forms can no longer change")
                .with("eventId", eventId);
    }
}
