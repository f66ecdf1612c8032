package io.hoithao.events.programme;

import io.hoithao.events.event.EventLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the programmes API. */
final class ProgrammeRequests {

    private ProgrammeRequests() {
    }

    /**
     * A new programme. {@code organiserUnitId}: the id in the directory of the unit that keeps it; an organiser's
     * own unit (the default for an organiser; another unit is 403), any unit or none (administrators only) for an
     * administrator. Other properties in the body (the former {@code organiserUnit}, a name) are ignored.
     */
    record NewProgramme(
            @NotBlank @Size(max = 300) String name,
            @Size(max = 5000) String description,
            @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "must be the id of a unit of the directory (GET /api/events/units), not its name")
            String organiserUnitId,
            @Size(max = EventLimits.PHASES, message = "at most {max} phases per programme") List<@NotNull @Valid NewPhase> phases,
            @Size(max = EventLimits.PLANS, message = "at most {max} plans per programme") List<@NotNull @Valid NewPlan> plans) {
    }

    record NewPhase(@NotBlank @Size(max = 100) String name,
                           @Min(1990) @Max(2100) int fromYear,
                           @Min(1990) @Max(2100) int toYear) {
    }

    record NewPlan(@NotBlank @Size(max = 100) String number,
                          @NotBlank @Size(max = 200) String issuer,
                          @NotNull LocalDate issuedOn,
                          @Size(max = 500) String title,
                          @Pattern(regexp = "PROVINCE|DISTRICT|SCHOOL") String level) {
    }
}
