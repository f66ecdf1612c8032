package io.hoithao.presentations.paper;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A submission or an edit. The paper's unit is the submitting delegate's confirmed unit; only the event's managers
 * name another, by {@code unitId} (a unit of the directory). {@code unit}, a name, is accepted and ignored (clients
 * written before units had ids send it).
 */
record PaperRequest(
        @NotBlank @Size(max = 300) String title,
        @JsonProperty("abstract") @NotBlank @Size(max = 5000) String abstractText,
        @NotEmpty @Size(max = 5) List<@NotBlank @Size(max = 200) String> presenters,
        @Size(max = 300) String unit,
        @Size(max = 64) String unitId,
        @NotNull @Min(5) @Max(240) Integer requestedMinutes,
        @Size(max = 200) String topic) {
}
