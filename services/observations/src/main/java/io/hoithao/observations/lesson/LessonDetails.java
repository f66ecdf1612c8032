package io.hoithao.observations.lesson;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an organiser sets on a lesson (one scheduled from the programme arrives without these); its time follows its session. */
record LessonDetails(
        @NotBlank @Size(max = 100) String classroom,
        @NotBlank @Size(max = 100) String className,
        @NotNull AgeGroup ageGroup,
        @NotBlank @Size(max = 120) String teacher,
        @NotBlank @Size(max = 200) String activity,
        @NotBlank @Size(max = 120) String developmentalArea,
        @Min(1) @Max(30) int seats) {
}
