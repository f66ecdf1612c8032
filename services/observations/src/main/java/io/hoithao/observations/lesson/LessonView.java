package io.hoithao.observations.lesson;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A lesson as listed: what, where, when, and how many seats are left. */
public record LessonView(String id, String eventId, String sessionId, String title, String hostSchool, String classroom,
                         String className, AgeGroup ageGroup, String ageGroupLabel, String teacher, String activity,
                         String developmentalArea, OffsetDateTime startsAt, OffsetDateTime endsAt, int seats,
                         int seatsLeft, int waiting, LessonStatus status, long version) {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public static LessonView of(Lesson lesson) {
        return new LessonView(lesson.id(), lesson.eventId(), lesson.sessionId(), lesson.title(), lesson.hostSchool(),
                lesson.classroom(), lesson.className(), lesson.ageGroup(),
                lesson.ageGroup() == null ? null : lesson.ageGroup().label(), lesson.teacher(), lesson.activity(),
                lesson.developmentalArea(), local(lesson.startsAt()), local(lesson.endsAt()), lesson.seats(),
                lesson.seatsLeft(), lesson.waitlist().size(), lesson.status(), lesson.version());
    }

    public static OffsetDateTime local(java.time.Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
