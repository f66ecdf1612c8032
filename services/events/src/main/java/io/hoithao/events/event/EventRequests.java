package io.hoithao.events.event;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the events API. */
final class EventRequests {

    /** A unit id of the directory: letters, digits and dashes (a UUID), never a name. */
    static final String UNIT_ID = "[A-Za-z0-9-]{1,64}";
    static final String UNIT_ID_MESSAGE = "must be the id of a unit of the directory (GET /api/events/units), not its name";

    private EventRequests() {
    }

    /**
     * A new event, created as a draft. Only these fields are read: anything else in the body (a
     * status, an id, sessions, an outbox...) is ignored, never stored. {@code organiserUnitId}: the organising
     * unit's id in the directory; an organiser may leave it out (her own unit, the only one she creates events
     * for). {@code organiserUnit}, the former way of naming the unit, is read only when an administrator gives no
     * id (older clients): it must be exactly the official name of one unit of the directory. An organiser's
     * unit is never taken from it.
     */
    record CreateEvent(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 5000) String description,
            @NotNull EventKind kind,
            @NotNull EventLevel level,
            @Pattern(regexp = UNIT_ID, message = UNIT_ID_MESSAGE) String organiserUnitId,
            @Size(max = 200) String organiserUnit,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @Schema(defaultValue = "Asia/Ho_Chi_Minh") String timeZone,
            @Min(1) @Max(100_000) int capacity,
            @Size(max = 100) String programmeId,
            Instant registrationOpensAt,
            Instant registrationClosesAt,
            @Valid @Size(max = EventLimits.VENUES, message = "at most {max} venues per event") List<NewVenue> venues,
            @Valid @Size(max = EventLimits.OFFICIALS, message = "at most {max} officials per event") List<NewOfficial> officials) {
    }

    /** A host school or hall, with the classrooms demonstration lessons may use. */
    record NewVenue(
            @NotBlank @Size(max = 200) String name,
            @NotNull VenueKind kind,
            @Size(max = 500) String address,
            @Size(max = EventLimits.CLASSROOMS, message = "at most {max} classrooms per venue") List<@NotBlank @Size(max = 100) String> classrooms) {
    }

    /** Someone directing, chairing or presenting at the event. */
    record NewOfficial(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String position,
            @Size(max = 200) String unit,
            @NotNull OfficialRole role) {
    }

    /**
     * Changes to the descriptive details; absent fields stay as they are, and fields not listed here
     * (status, version, sessions, venues, capacity, dates...) change only through their own requests.
     * {@code programmeId}: the programme the event joins (by the same rule as at creation), or an empty
     * string to take it out of its programme. {@code organiserUnitId}: another unit of the directory, to move
     * a draft there (administrators only); the former {@code organiserUnit} (a name) is not read.
     */
    record UpdateEvent(
            @Size(min = 1, max = 300) String title,
            @Size(max = 5000) String description,
            @Pattern(regexp = UNIT_ID, message = UNIT_ID_MESSAGE) String organiserUnitId,
            Instant registrationOpensAt,
            Instant registrationClosesAt,
            @Valid @Size(max = EventLimits.OFFICIALS, message = "at most {max} officials per event") List<NewOfficial> officials,
            @Size(max = 100) String programmeId) {
    }

    /** Moving the event to other days or another time zone; sessions keep their day offset and local times. */
    record Reschedule(@NotNull LocalDate startDate, @NotNull LocalDate endDate, String timeZone) {
    }

    record ChangeCapacity(@Min(1) @Max(100_000) int capacity) {
    }

    /** Opening registration; {@code closesAt} is optional (then the event's registration window, or open until closed by hand). */
    record OpenRegistration(Instant closesAt) {
    }

    /** Cancelling an event, with the reason delegates will be told. */
    record CancelEvent(@Size(max = 1000) String reason) {
    }
}
