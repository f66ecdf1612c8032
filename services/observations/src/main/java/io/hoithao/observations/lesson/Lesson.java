package io.hoithao.observations.lesson;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A demonstration lesson (tiết dạy minh họa) with its few observer seats. The document holds the seat
 * holders and the waiting list, so every seat decision is one conditional write of this document, and
 * the outbox of the messages each change produces. {@code venueId} is the id of the venue in the events
 * service's programme (null for a lesson added here at a school no programme lesson of its event names, or
 * made from a message older than venue ids): its classroom's timetable is keyed by it.
 */
@Document(Lesson.COLLECTION)
public record Lesson(
        @Id String id,
        String eventId,
        String sessionId,
        String title,
        String hostSchool,
        String venueId,
        String classroom,
        String className,
        AgeGroup ageGroup,
        String teacher,
        String activity,
        String developmentalArea,
        Instant startsAt,
        Instant endsAt,
        int seats,
        LessonStatus status,
        List<Booking> bookings,
        List<Waiting> waitlist,
        long version,
        long sessionRevision,
        Instant createdAt,
        Instant updatedAt) {

    public static final String COLLECTION = "lessons";

    public Lesson {
        bookings = bookings == null ? List.of() : List.copyOf(bookings);
        waitlist = waitlist == null ? List.of() : List.copyOf(waitlist);
    }

    public Interval interval() {
        return new Interval(startsAt, endsAt);
    }

    public int seatsLeft() {
        return Math.max(0, seats - bookings.size());
    }

    public boolean bookable() {
        return status != null && status.bookable();
    }

    public Optional<Booking> booking(String registrationId) {
        return bookings.stream().filter(b -> b.registrationId().equals(registrationId)).findFirst();
    }

    public Optional<Waiting> waiting(String registrationId) {
        return waitlist.stream().filter(w -> w.registrationId().equals(registrationId)).findFirst();
    }

    public boolean holds(String registrationId) {
        return booking(registrationId).isPresent() || waiting(registrationId).isPresent();
    }

    /** What the programme shows as the place: the classroom at its school, or only the school until a classroom is set. */
    public String place() {
        return classroom == null ? hostSchool : classroom + " – " + hostSchool;
    }
}
