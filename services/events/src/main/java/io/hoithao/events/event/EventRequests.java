package io.hoithao.events.event;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/** Request bodies of the events API. */
public final class EventRequests {

    private EventRequests() {
    }

    /** A new event, created as a draft. */
    public record CreateEvent(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 5000) String description,
            @NotNull EventKind kind,
            @NotNull EventLevel level,
            @NotBlank @Size(max = 200) String organiserUnit,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @Schema(defaultValue = "Asia/Ho_Chi_Minh") String timeZone,
            @Min(1) @Max(100_000) int capacity) {
    }

    /** Opening registration; {@code closesAt} is optional (open until closed by hand). */
    public record OpenRegistration(Instant closesAt) {
    }

    /** Cancelling an event, with the reason delegates will be told. */
    public record CancelEvent(@Size(max = 1000) String reason) {
    }
}
