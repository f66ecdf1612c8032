package io.hoithao.observations.booking;

import io.hoithao.observations.delegate.RegistrationAccess;
import io.hoithao.observations.event.EventAccess;
import io.hoithao.observations.lesson.Booking;
import io.hoithao.observations.lesson.Lesson;
import io.hoithao.observations.lesson.LessonProblems;
import io.hoithao.observations.lesson.LessonService;
import io.hoithao.observations.lesson.LessonView;
import io.hoithao.observations.lesson.Waiting;
import io.hoithao.platform.openapi.Answers;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Booking observer seats, a delegate's schedule (the delegate who owns the registration, or the
 * managers of the event), a lesson's observers, attendance, cancelling a lesson and clashes (the
 * organisers of the event's unit, or an administrator).
 */
@RestController
@Validated
@RequestMapping("/api/observations")
class BookingHandler {

    private final BookingService bookings;
    private final LessonService lessons;
    private final Schedules schedules;
    private final EventAccess events;
    private final RegistrationAccess registrations;

    BookingHandler(BookingService bookings, LessonService lessons, Schedules schedules, EventAccess events,
                   RegistrationAccess registrations) {
        this.bookings = bookings;
        this.lessons = lessons;
        this.schedules = schedules;
        this.events = events;
        this.registrations = registrations;
    }

    record BookingRequest(@NotBlank @Size(max = 100) String registrationId) {
    }

    record AttendanceRequest(@NotEmpty @Size(max = 50, message = "at most {max} registrations per call") List<@NotBlank @Size(max = 100) String> registrationIds,
                             Boolean attended) {
    }

    record Observers(String lessonId, int seats, int seatsLeft, List<Booking> booked, List<Waiting> waiting) {
    }

    record ScheduleEntry(LessonView lesson, String status, String bookingId, Integer waitlistPosition, boolean clashes) {
    }

    /**
     * A seat (or a waiting place) for a registration: a delegate books with their own registration,
     * the managers of the lesson's event with anyone's. Only the registration id is read from the body.
     */
    @PostMapping("/lessons/{lessonId}/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    @Answers(value = 202, description = "Accepted: no seat left, the delegate is on the waiting list")
    Mono<ResponseEntity<BookingService.Outcome>> book(@PathVariable String lessonId, @Valid @RequestBody BookingRequest request,
                                                      Caller caller) {
        return lessons.find(lessonId)
                .flatMap(lesson -> registrations.requireActFor(lesson.eventId(), request.registrationId(), caller))
                .then(Mono.defer(() -> bookings.book(lessonId, request.registrationId(), BookingService.BOOKED, true)))
                .map(LessonProblems::orThrow)
                .map(outcome -> ResponseEntity.status(outcome.status() == BookingService.Status.BOOKED ? HttpStatus.CREATED
                        : HttpStatus.ACCEPTED).body(outcome));
    }

    /** The delegate gives up their seat or waiting place, or the event's managers withdraw it. */
    @DeleteMapping("/lessons/{lessonId}/bookings/{registrationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<ResponseEntity<Void>> cancel(@PathVariable String lessonId, @PathVariable String registrationId, Caller caller) {
        return lessons.find(lessonId)
                .flatMap(lesson -> registrations.requireActFor(lesson.eventId(), registrationId, caller))
                .flatMap(standing -> bookings.cancel(lessonId, registrationId, standing == RegistrationAccess.Standing.OWNER
                        ? "Withdrawn by the delegate" : "Withdrawn by the organiser"))
                .flatMap(released -> released == BookingService.Released.NOTHING
                        ? Mono.error(ProblemException.notFound("Booking of", registrationId + " at lesson " + lessonId))
                        : Mono.just(ResponseEntity.noContent().<Void>build()));
    }

    @GetMapping("/lessons/{lessonId}/observers")
    Mono<Observers> observers(@PathVariable String lessonId, Caller caller) {
        return managed(lessonId, caller).map(l -> new Observers(l.id(), l.seats(), l.seatsLeft(), l.bookings(), l.waitlist()));
    }

    @PostMapping("/lessons/{lessonId}/attendance")
    Mono<Observers> attendance(@PathVariable String lessonId, @Valid @RequestBody AttendanceRequest request, Caller caller) {
        return managed(lessonId, caller)
                .then(Mono.defer(() -> bookings.attendance(lessonId, request.registrationIds(),
                        request.attended() == null || request.attended())))
                .map(LessonProblems::orThrow)
                .then(Mono.defer(() -> lessons.find(lessonId)))
                .map(l -> new Observers(l.id(), l.seats(), l.seatsLeft(), l.bookings(), l.waitlist()));
    }

    /** The event's managers cancel a lesson: every booking and waiting place lapses. */
    @DeleteMapping("/lessons/{lessonId}")
    Mono<LessonView> cancelLesson(@PathVariable String lessonId, @RequestParam(required = false) @Size(max = 500) String reason,
                                  Caller caller) {
        return managed(lessonId, caller)
                .then(Mono.defer(() -> bookings.cancelLesson(lessonId, reason == null ? "Cancelled by the organiser" : reason)))
                .then(Mono.defer(() -> lessons.find(lessonId))).map(LessonView::of);
    }

    @GetMapping("/events/{eventId}/delegates/{registrationId}/schedule")
    Mono<List<ScheduleEntry>> schedule(@PathVariable String eventId, @PathVariable String registrationId, Caller caller) {
        return registrations.requireActFor(eventId, registrationId, caller)
                .then(Mono.defer(() -> schedules.of(registrationId)))
                .flatMap(slots -> {
                    Set<String> clashing = Clashes.within(slots).stream()
                            .flatMap(pair -> java.util.stream.Stream.of(pair.first().lessonId(), pair.second().lessonId()))
                            .collect(Collectors.toSet());
                    return lessons.heldBy(registrationId)
                            .filter(lesson -> lesson.eventId().equals(eventId))
                            .map(lesson -> entry(lesson, registrationId, clashing.contains(lesson.id())))
                            .collectList();
                });
    }

    @GetMapping("/events/{eventId}/clashes")
    Mono<List<BookingService.ClashView>> clashes(@PathVariable String eventId, Caller caller) {
        return events.requireManager(eventId, caller).then(Mono.defer(() -> bookings.clashes(eventId).collectList()));
    }

    /** The lesson, if the caller manages its event; 404 if there is no such lesson. */
    private Mono<Lesson> managed(String lessonId, Caller caller) {
        return lessons.find(lessonId).flatMap(lesson -> events.requireManager(lesson.eventId(), caller).thenReturn(lesson));
    }

    private static ScheduleEntry entry(Lesson lesson, String registrationId, boolean clashes) {
        var booking = lesson.booking(registrationId);
        if (booking.isPresent()) {
            return new ScheduleEntry(LessonView.of(lesson), "BOOKED", booking.get().bookingId(), null, clashes);
        }
        int position = lesson.waitlist().stream().map(Waiting::registrationId).toList().indexOf(registrationId) + 1;
        return new ScheduleEntry(LessonView.of(lesson), "WAITLISTED", null, position, clashes);
    }

}
