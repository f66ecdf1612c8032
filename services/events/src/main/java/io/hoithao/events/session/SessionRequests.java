package io.hoithao.events.session;

import io.hoithao.events.event.EventLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Request bodies of the sessions API; days and times are the event's local ones. */
final class SessionRequests {

    private SessionRequests() {
    }

    /**
     * A new agenda item: when (day, start, end in the event's time zone), where, what and who; a demonstration
     * lesson may say its observer seats (otherwise the observations service offers 8 until they are set there).
     */
    record NewSession(
            @NotNull SessionType type,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 5000) String description,
            @NotNull LocalDate date,
            @NotNull LocalTime start,
            @NotNull LocalTime end,
            @NotBlank @Size(max = 100) String venueId,
            @Size(max = 100) String classroom,
            @Size(max = 200) String chair,
            @Size(max = EventLimits.SPEAKERS, message = "at most {max} speakers per session") List<@NotBlank @Size(max = 200) String> speakers,
            @Min(1) @Max(30) Integer seats) {
    }

    /** Moving a session: its new day and times, and optionally another venue, classroom or (for a demonstration lesson) seats. */
    record MoveSession(
            @NotNull LocalDate date,
            @NotNull LocalTime start,
            @NotNull LocalTime end,
            @Size(max = 100) String venueId,
            @Size(max = 100) String classroom,
            @Min(1) @Max(30) Integer seats) {
    }
}
