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
public final class EventRequests {

    /** A unit's name has at least one letter or digit: "!!!" names no unit (and would match any other such name). */
    static final String UNIT_NAME = "(?s).*[\\p{L}\\p{N}].*";
    static final String UNIT_NAME_MESSAGE = "must name a unit (letters or digits)";

    private EventRequests() {
    }

    /**
     * A new event, created as a draft. Only these fields are read: anything else in the body (a
     * status, an id, sessions, an outbox...) is ignored, never stored.
     */
    public record CreateEvent(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 5000) String description,
            @NotNull EventKind kind,
            @NotNull EventLevel level,
            @NotBlank @Size(max = 200) @Pattern(regexp = UNIT_NAME, message = UNIT_NAME_MESSAGE) String organiserUnit,
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
    public record NewVenue(
            @NotBlank @Size(max = 200) String name,
            @NotNull VenueKind kind,
            @Size(max = 500) String address,
            @Size(max = EventLimits.CLASSROOMS, message = "at most {max} classrooms per venue") List<@NotBlank @Size(max = 100) String> classrooms) {
    }

    /** Someone directing, chairing or presenting at the event. */
    public record NewOfficial(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String position,
            @Size(max = 200) String unit,
            @NotNull OfficialRole role) {
    }

    /**
     * Changes to the descriptive details; absent fields stay as they are, and fields not listed here
     * (status, version, sessions, venues, capacity, dates...) change only through their own requests.
     * {@code programmeId}: the programme the event joins (by the same rule as at creation), or an empty
     * string to take it out of its programme.
     */
    public record UpdateEvent(
            @Size(min = 1, max = 300) String title,
            @Size(max = 5000) String description,
            @Size(min = 1, max = 200) @Pattern(regexp = UNIT_NAME, message = UNIT_NAME_MESSAGE) String organiserUnit,
            Instant registrationOpensAt,
            Instant registrationClosesAt,
            @Valid @Size(max = EventLimits.OFFICIALS, message = "at most {max} officials per event") List<NewOfficial> officials,
            @Size(max = 100) String programmeId) {
    }

    /** Moving the event to other days or another time zone; sessions keep their day offset and local times. */
    public record Reschedule(@NotNull LocalDate startDate, @NotNull LocalDate endDate, String timeZone) {
    }

    public record ChangeCapacity(@Min(1) @Max(100_000) int capacity) {
    }

    /** Opening registration; {@code closesAt} is optional (then the event's registration window, or open until closed by hand). */
    public record OpenRegistration(Instant closesAt) {
    }

    /** Cancelling an event, with the reason delegates will be told. */
    public record CancelEvent(@Size(max = 1000) String reason) {
    }
}
