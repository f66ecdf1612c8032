package io.hoithao.observations.rotation;

import io.hoithao.observations.booking.BookingService;
import io.hoithao.observations.delegate.Observer;
import io.hoithao.observations.lesson.Lesson;
import io.hoithao.observations.lesson.LessonProblems;
import io.hoithao.observations.lesson.LessonService;
import io.hoithao.observations.lesson.Slot;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rotation plans for large delegations: the planner proposes, the organiser reviews the preview and its
 * figures, then applies it. Applying books each assignment through the ordinary booking path (same
 * conditional writes, same messages), never waitlisting: a seat that went meanwhile is reported as skipped.
 */
@Service
class RotationService {

    private final ReactiveMongoTemplate mongo;
    private final LessonService lessons;
    private final BookingService bookings;
    private final Clock clock = Clock.systemUTC();

    RotationService(ReactiveMongoTemplate mongo, LessonService lessons, BookingService bookings) {
        this.mongo = mongo;
        this.lessons = lessons;
        this.bookings = bookings;
    }

    Mono<Rotation> preview(String eventId, RotationRequest request) {
        Mono<List<Observer>> delegates = mongo.find(Query.query(Criteria.where("eventId").is(eventId).and("confirmed").is(true)),
                Observer.class).collectList().flatMap(confirmed -> {
                    if (request.registrationIds() == null || request.registrationIds().isEmpty()) {
                        return Mono.just(confirmed);
                    }
                    Set<String> known = new HashSet<>(confirmed.stream().map(Observer::registrationId).toList());
                    List<String> unknown = request.registrationIds().stream().filter(r -> !known.contains(r)).distinct().toList();
                    if (!unknown.isEmpty()) {
                        return Mono.error(ProblemException.conflict("delegate-not-confirmed",
                                unknown.size() + " registration(s) are not confirmed for event " + eventId).with("registrationIds", unknown));
                    }
                    Set<String> wanted = new LinkedHashSet<>(request.registrationIds());
                    return Mono.just(confirmed.stream().filter(o -> wanted.contains(o.registrationId())).toList());
                });
        Mono<List<Lesson>> offered = lessons.scheduledOf(eventId)
                .filter(l -> request.lessonIds() == null || request.lessonIds().isEmpty() || request.lessonIds().contains(l.id()))
                .filter(l -> l.seatsLeft() > 0)
                .collectList();
        Map<String, List<String>> preferences = request.preferences() == null ? Map.of() : request.preferences();
        return Mono.zip(delegates, offered).flatMap(t -> Flux.fromIterable(t.getT1())
                .concatMap(observer -> bookings.scheduleOf(observer.registrationId()).map(slots -> new RotationPlanner.Delegate(
                        observer.registrationId(), Set.copyOf(preferences.getOrDefault(observer.registrationId(), List.of())),
                        slots.stream().map(Slot::interval).toList())))
                .collectList()
                .map(planned -> {
                    List<RotationPlanner.Offer> offers = t.getT2().stream().map(l -> new RotationPlanner.Offer(l.id(),
                            l.developmentalArea(), l.interval(), l.seatsLeft())).toList();
                    int rounds = (int) t.getT2().stream().map(Lesson::startsAt).distinct().count();
                    int max = request.maxPerDelegate() == null ? Math.max(1, rounds) : request.maxPerDelegate();
                    return RotationPlanner.plan(planned, offers, max);
                }))
                .flatMap(plan -> mongo.insert(new Rotation("rot-" + UUID.randomUUID().toString().substring(0, 13), eventId,
                        Rotation.Status.PREVIEW, plan.assignments(), plan.quality(), plan.unassigned(), List.of(), 0,
                        clock.instant(), null)));
    }

    Mono<Rotation> find(String rotationId) {
        return mongo.findById(rotationId, Rotation.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Rotation", rotationId)));
    }

    Mono<Rotation> apply(String rotationId) {
        Instant now = clock.instant();
        // Claimed by one conditional write, so a double click or two organisers apply it only once.
        return find(rotationId).then(mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(rotationId).and("status").is(Rotation.Status.PREVIEW)),
                        new Update().set("status", Rotation.Status.APPLYING), FindAndModifyOptions.options().returnNew(true),
                        Rotation.class))
                .switchIfEmpty(Mono.error(() -> ProblemException.conflict("rotation-already-applied",
                        "Rotation " + rotationId + " has already been applied").with("rotationId", rotationId)))
                .flatMap(rotation -> Flux.fromIterable(rotation.assignments())
                        .concatMap(a -> bookings.book(a.lessonId(), a.registrationId(), BookingService.ROTATION, false)
                                .map(LessonProblems::orThrow)
                                .map(outcome -> outcome.status() == BookingService.Status.BOOKED
                                        ? "BOOKED" : "Lesson full")
                                .onErrorResume(ProblemException.class, e -> Mono.just(e.getMessage()))
                                .map(result -> Map.entry(a, result)))
                        .collectList()
                        .flatMap(results -> {
                            List<Rotation.Skipped> skipped = new ArrayList<>();
                            int booked = 0;
                            for (var result : results) {
                                if ("BOOKED".equals(result.getValue())) {
                                    booked++;
                                } else {
                                    skipped.add(new Rotation.Skipped(result.getKey().registrationId(), result.getKey().lessonId(),
                                            result.getValue()));
                                }
                            }
                            return mongo.findAndModify(Query.query(Criteria.where("_id").is(rotationId)),
                                    new Update().set("status", Rotation.Status.APPLIED).set("booked", booked)
                                            .set("skipped", skipped).set("appliedAt", now),
                                    FindAndModifyOptions.options().returnNew(true), Rotation.class);
                        }));
    }
}
