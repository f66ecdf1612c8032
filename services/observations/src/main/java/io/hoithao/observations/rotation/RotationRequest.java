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
record RotationRequest(@Size(max = 2000) List<String> registrationIds, @Size(max = 500) List<String> lessonIds,
                       Map<String, @NotNull List<@NotNull String>> preferences, @Min(1) @Max(20) Integer maxPerDelegate) {
}
