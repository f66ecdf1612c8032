package io.hoithao.documents;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The records an event's programme is written from ({@link ProgrammeDocument}); texts already in words, any may be null. */
public final class Programme {

    private Programme() {
    }

    /** A day of the event with its sessions in time order. */
    public record Day(LocalDate date, List<Session> sessions) {

        public Day {
            sessions = sessions == null ? List.of() : List.copyOf(sessions);
        }
    }

    /** A session: its hours, kind (e.g. "Khai mạc", "Dự giờ"), title, venue, chair, speakers, papers and lessons. */
    public record Session(LocalTime start, LocalTime end, String kind, String title, String description, String venue,
                          String classroom, String chair, List<String> speakers, List<Paper> papers, List<Lesson> lessons) {

        public Session {
            speakers = speakers == null ? List.of() : List.copyOf(speakers);
            papers = papers == null ? List.of() : List.copyOf(papers);
            lessons = lessons == null ? List.of() : List.copyOf(lessons);
        }
    }

    /** A paper presented in a session, with its unit, presenters and the minutes it is given. */
    public record Paper(String title, String unit, List<String> presenters, Integer minutes) {

        public Paper {
            presenters = presenters == null ? List.of() : List.copyOf(presenters);
        }
    }

    /** A demonstration lesson held in a session. */
    public record Lesson(String title, String classroom, LocalTime start, LocalTime end) {
    }
}
