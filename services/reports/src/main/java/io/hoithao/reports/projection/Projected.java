package io.hoithao.reports.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The read model: what the report needs from each topic, one collection per kind of thing. Each collection is
 * written from one topic only, whose messages about one thing arrive in order (one key, one partition), and
 * every write is idempotent by message id: replaying the topics into an empty database gives the same documents.
 */
public final class Projected {

    private Projected() {
    }

    /** A unit of the directory, with the names it had before (delegates and papers name units as they were then). */
    @Document("units")
    public record Unit(@Id String id, String officialName, String shortName, String kind, String level, String parentId,
                       List<String> previousNames, long revision) {
        public Unit {
            previousNames = previousNames == null ? List.of() : previousNames;
        }
    }

    /** A programme (chuyên đề) and its phases. */
    @Document("programmes")
    public record Programme(@Id String id, String name, String organiserUnit, List<Phase> phases) {
        public Programme {
            phases = phases == null ? List.of() : phases;
        }
    }

    public record Phase(String name, int fromYear, int toYear) {
    }

    /** A unit's designation as a model site of a programme in a phase; {@code level} null once withdrawn. */
    @Document("model_sites")
    public record ModelSite(@Id String id, String unitId, String programmeId, String phase, String level, long revision) {
    }

    /**
     * A published event: PUBLISHED, IN_PROGRESS, COMPLETED or CANCELLED. {@code organiserUnitId}: its unit's id in
     * the directory (null when told before events carried it); {@code organiserUnit}: the name it was published with.
     */
    @Document("events")
    public record Event(@Id String id, String title, String kind, String level, String organiserUnitId, String organiserUnit,
                        LocalDate startDate,
                        LocalDate endDate, String programmeId, Long programmeRevision, String status) {
    }

    /** A registration: CONFIRMED, WAITLISTED, PENDING, REJECTED or CANCELLED, with the days it was checked in. */
    @Document("registrations")
    public record Registration(@Id String id, String eventId, String unit, String category, String status,
                               List<LocalDate> checkIns) {
        public Registration {
            checkIns = checkIns == null ? List.of() : checkIns;
        }
    }

    /** A paper: SUBMITTED, ACCEPTED, REJECTED or WITHDRAWN; {@code scheduled} while it has a slot in the programme. */
    @Document("papers")
    public record Paper(@Id String id, String eventId, String title, String unit, String status, Boolean scheduled) {
    }

    /** A demonstration lesson. */
    @Document("lessons")
    public record Lesson(@Id String id, String eventId, String title, String host, Boolean cancelled) {
    }

    /** An observation form as last told: criterion id to score. */
    @Document("forms")
    public record Form(@Id String id, String eventId, String lessonId, Map<String, Integer> scores, Instant toldAt) {
    }
}
