package io.hoithao.observations.lesson;

public enum LessonStatus {
    SCHEDULED,
    CANCELLED
}
