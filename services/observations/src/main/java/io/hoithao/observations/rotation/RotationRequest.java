package io.hoithao.observations.rotation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * What to plan: which confirmed delegates (all of the event's if empty), over which lessons (all scheduled
 * ones with free seats if empty), their preferences (lesson ids or developmental areas, per registration),
 * and at most how many lessons each (default: one per distinct start time).
 */
record RotationRequest(@Size(max = 2000, message = "at most {max} delegates per plan") List<@NotNull @Size(max = 100) String> registrationIds,
                       @Size(max = 500, message = "at most {max} lessons per plan") List<@NotNull @Size(max = 100) String> lessonIds,
                       @Size(max = 2000, message = "at most {max} delegates' preferences per plan")
                       Map<@NotNull @Size(max = 100) String,
                               @NotNull @Size(max = 500, message = "at most {max} preferences per delegate")
                               List<@NotNull @Size(max = 120) String>> preferences,
                       @Min(1) @Max(20) Integer maxPerDelegate) {
}
