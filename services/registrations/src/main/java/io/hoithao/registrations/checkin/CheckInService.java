package io.hoithao.registrations.checkin;

import io.hoithao.platform.web.ProblemException;
import io.hoithao.registrations.event.EventProjection;
import io.hoithao.registrations.event.OpenEvent;
import io.hoithao.registrations.registration.Registration;
import io.hoithao.registrations.registration.RegistrationStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Checks confirmed delegates in (điểm danh), once per day of the event. The write ({@link
 * RegistrationStore#recordCheckIn}) matches only while the delegate is confirmed and the day is not recorded
 * yet, so scanning a badge twice records one check-in and sends one message. What a scan does is decided by
 * {@link Scan}; a refusal is answered by the handler.
 */
@Service
class CheckInService {

    private final RegistrationStore registrations;
    private final EventProjection events;
    private final Clock clock = Clock.systemUTC();

    CheckInService(RegistrationStore registrations, EventProjection events) {
        this.registrations = registrations;
        this.events = events;
    }

    /** {@code checkedInAt}: the day's first check-in (this one, or the earlier one when already checked in); null for a check-in recorded before times were kept. */
    record CheckIn(String registrationId, String fullName, String unit, String category, LocalDate day,
                   boolean alreadyCheckedIn, Instant checkedInAt, List<String> checkIns) implements Result {
    }

    /** Where a check-in ended: the answer, or the refusal of a delegate who is not confirmed. */
    sealed interface Result permits CheckIn, Scan.NotConfirmed {
    }

    /** Checks in the delegate of this registration (found by its code) on the requested day, or today. */
    Mono<Result> checkIn(Registration registration, LocalDate requestedDay) {
        return events.get(registration.eventId())
                .flatMap(event -> {
                    LocalDate day = dayOf(event, requestedDay);
                    Scan scan = Scan.of(registration, day, clock.instant());
                    if (scan instanceof Scan.Already already) {
                        return Mono.just(answer(already.registration(), day, true));
                    }
                    if (!(scan instanceof Scan.Record record)) {
                        return Mono.just((Scan.NotConfirmed) scan);
                    }
                    return registrations.recordCheckIn(registration.id(), record.day(), record.at(), record.message())
                            .map(checked -> (Result) answer(checked, day, false))
                            // a concurrent scan won, or the registration was cancelled meanwhile
                            .switchIfEmpty(Mono.defer(() -> registrations.find(registration.id()).map(fresh ->
                                    fresh.checkIns().contains(record.day())
                                            ? answer(fresh, day, true)
                                            : new Scan.NotConfirmed(fresh))));
                });
    }

    private LocalDate dayOf(OpenEvent event, LocalDate requested) {
        LocalDate day = requested != null ? requested : LocalDate.now(clock.withZone(event.zone()));
        List<LocalDate> days = event.days();
        if (!days.isEmpty() && !days.contains(day)) {
            throw ProblemException.invalidField("day", "must be a day of the event, " + days.get(0) + " to "
                    + days.get(days.size() - 1) + "; was " + day);
        }
        return day;
    }

    private static CheckIn answer(Registration r, LocalDate day, boolean already) {
        return new CheckIn(r.id(), r.fullName(), r.unit(), r.category().name(), day, already,
                r.checkedInAt().get(day.toString()), r.checkIns());
    }
}
