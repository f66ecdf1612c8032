package io.hoithao.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The parts of the APIs' answers the pages show (unknown members are ignored). */
public final class Api {

    private Api() {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record Venue(String id, String name, String kind, String address) {
    }

    public record Event(String id, String title, String description, String kind, String level, String organiserUnitId, String organiserUnit,
                        LocalDate startDate, LocalDate endDate, String timeZone, int capacity, String status,
                        List<Venue> venues) {

        public boolean open() {
            return "REGISTRATION_OPEN".equals(status);
        }
    }

    public record Registrations(int capacity, long confirmed, long waitlisted, long cancelled, long seatsLeft) {
    }

    public record Session(String id, String type, String title, String description, LocalDate date, LocalTime start,
                          LocalTime end, String venue, String address, String classroom, String chair,
                          List<String> speakers, String status) {

        public boolean cancelled() {
            return "CANCELLED".equals(status);
        }
    }

    public record Paper(String paperId, String title, String unit, List<String> presenters) {
    }

    public record Lesson(String lessonId, String title, String classroom, int seats, int seatsLeft) {
    }

    public record Item(Session session, List<Paper> papers, List<Lesson> lessons) {
    }

    public record Day(LocalDate date, List<Item> sessions) {
    }

    public record Programme(String eventId, String title, String status, String timeZone, LocalDate startDate,
                            LocalDate endDate, Registrations registrations, List<Day> days) {
    }
}
