package io.hoithao.registrations.checkin;

import io.hoithao.contracts.registrations.DelegateCheckedIn;
import io.hoithao.platform.outbox.Outbox;
import io.hoithao.platform.outbox.OutboxRelay;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.registrations.event.EventProjection;
import io.hoithao.registrations.event.OpenEvent;
import io.hoithao.registrations.registration.Registration;
import io.hoithao.registrations.registration.RegistrationService;
import io.hoithao.registrations.registration.RegistrationStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Checks confirmed delegates in (điểm danh), once per day of the event. The write matches only while
 * the day is not recorded yet, so scanning a badge twice records one check-in and sends one message.
 */
@Service
class CheckInService {

    static final String NOT_CONFIRMED = "not-confirmed";

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final RegistrationService registrations;
    private final EventProjection events;
    private final Clock clock = Clock.systemUTC();

    CheckInService(ReactiveMongoTemplate mongo, OutboxRelay relay, RegistrationService registrations, EventProjection events) {
        this.mongo = mongo;
        this.relay = relay;
        this.registrations = registrations;
        this.events = events;
    }

    /** {@code checkedInAt}: the day's first check-in (this one, or the earlier one when already checked in); null for a check-in recorded before times were kept. */
    record CheckIn(String registrationId, String fullName, String unit, String category, LocalDate day,
                   boolean alreadyCheckedIn, Instant checkedInAt, List<String> checkIns) {
    }

    /** Checks in the delegate of this registration (found by its code) on the requested day, or today. */
    Mono<CheckIn> checkIn(Registration registration, LocalDate requestedDay) {
        return events.get(registration.eventId())
                .flatMap(event -> {
                    LocalDate day = dayOf(event, requestedDay);
                    if (registration.status() != RegistrationStatus.CONFIRMED) {
                        return Mono.error(notConfirmed(registration));
                    }
                    String iso = day.toString();
                    if (registration.checkIns().contains(iso)) {
                        return Mono.just(answer(registration, day, true));
                    }
                    Instant now = clock.instant();
                    // the time goes with the day in the same conditional write, so the first scan's time is the one kept
                    Update update = Outbox.append(new Update().push("checkIns", iso).set("checkedInAt." + iso, now)
                                    .set("updatedAt", now).inc("version", 1),
                            new DelegateCheckedIn(UUID.randomUUID(), now, registration.eventId(), registration.id(), day));
                    Query notYet = Query.query(Criteria.where("_id").is(registration.id())
                            .and("status").is(RegistrationStatus.CONFIRMED).and("checkIns").ne(iso));
                    return mongo.findAndModify(notYet, update, FindAndModifyOptions.options().returnNew(true), Registration.class)
                            .doOnNext(checked -> relay.relay("registrations", checked.id()).subscribe())
                            .map(checked -> answer(checked, day, false))
                            // a concurrent scan won, or the registration was cancelled meanwhile
                            .switchIfEmpty(Mono.defer(() -> registrations.find(registration.id()).flatMap(fresh ->
                                    fresh.checkIns().contains(iso)
                                            ? Mono.just(answer(fresh, day, true))
                                            : Mono.error(notConfirmed(fresh)))));
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

    private static ProblemException notConfirmed(Registration registration) {
        return ProblemException.conflict(NOT_CONFIRMED, "Registration " + registration.confirmationCode() + " is "
                        + registration.status() + "; only confirmed delegates are checked in")
                .with("status", registration.status().name());
    }
}
