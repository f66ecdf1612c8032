package io.hoithao.observations.lesson;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** A demonstration lesson an organiser adds to an event. */
record LessonRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 200) String hostSchool,
        @NotBlank @Size(max = 100) String classroom,
        @NotBlank @Size(max = 100) String className,
        @NotNull AgeGroup ageGroup,
        @NotBlank @Size(max = 120) String teacher,
        @NotBlank @Size(max = 200) String activity,
        @NotBlank @Size(max = 120) String developmentalArea,
        @NotNull OffsetDateTime startsAt,
        @NotNull OffsetDateTime endsAt,
        @Min(1) @Max(30) int seats) {
}
