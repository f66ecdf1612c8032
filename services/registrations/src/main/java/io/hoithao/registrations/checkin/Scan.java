package io.hoithao.registrations.checkin;

import io.hoithao.contracts.registrations.DelegateCheckedIn;
import io.hoithao.registrations.registration.Registration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What scanning a delegate's badge on a day decides, in plain Java: she is refused (not confirmed), she was
 * checked in that day already (nothing to write), or the day is to be recorded with its time and message.
 */
sealed interface Scan {

    /** Refused: only a delegate whose status checks in (confirmed) is checked in. */
    record NotConfirmed(Registration registration) implements Scan, CheckInService.Result {
    }

    /** Checked in that day already: answered with the first scan's time, nothing recorded, nothing told. */
    record Already(Registration registration) implements Scan {
    }

    /** The day (ISO) to record, at this time, and the message that tells about it. */
    record Record(String day, Instant at, DelegateCheckedIn message) implements Scan {
    }

    static Scan of(Registration registration, LocalDate day, Instant now) {
        if (!registration.status().checksIn()) {
            return new NotConfirmed(registration);
        }
        String iso = day.toString();
        if (registration.checkIns().contains(iso)) {
            return new Already(registration);
        }
        return new Record(iso, now, new DelegateCheckedIn(UUID.randomUUID(), now, registration.eventId(), registration.id(), day));
    }
}
