package io.hoithao.observations.rotation;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A rotation plan: previewed first, then applied once (each assignment booked as a seat, or reported as skipped). */
@Document("rotations")
record Rotation(@Id String id, String eventId, Status status, List<RotationPlanner.Assignment> assignments,
                RotationPlanner.Quality quality, List<String> unassigned, List<Skipped> skipped, int booked,
                Instant createdAt, Instant appliedAt) {

    enum Status { PREVIEW, APPLYING, APPLIED }

    /** An assignment that could not be booked when the plan was applied (the seat went meanwhile, a new clash...). */
    record Skipped(String registrationId, String lessonId, String reason) {
    }
}
