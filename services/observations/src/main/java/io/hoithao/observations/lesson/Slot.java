package io.hoithao.observations.lesson;

import java.time.Instant;

/** A lesson's time as held in a timetable (a classroom's, or a delegate's schedule); {@code claimedAt} is when it was taken. */
public record Slot(String lessonId, String title, Instant startsAt, Instant endsAt, Instant claimedAt) {

    public static Slot of(Lesson lesson, Instant now) {
        return new Slot(lesson.id(), lesson.title(), lesson.startsAt(), lesson.endsAt(), now);
    }

    public Interval interval() {
        return new Interval(startsAt, endsAt);
    }
}
