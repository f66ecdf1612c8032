package io.hoithao.presentations.paper;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A paper (báo cáo tham luận) a unit submitted to an event, with its reviews, decision and materials. The unit is
 * {@code unitId}, its id in the units directory; {@code unit} is its name for display, kept current from the units
 * topic.
 * Written whole only when inserted; every later change is one conditional update on {@code version}
 * that also carries its messages (the platform's {@code Publishing} keeps them in the document's outbox).
 */
@Document("papers")
public record Paper(
        @Id String id,
        @Indexed String eventId,
        String title,
        @Field("abstract") String abstractText,
        List<String> presenters,
        String unit,
        @Indexed String unitId,
        int requestedMinutes,
        String topic,
        Submitter submitter,
        PaperStatus status,
        long version,
        Instant submittedAt,
        Instant updatedAt,
        List<Review> reviews,
        Decision decision,
        List<Material> materials) {

    public Paper {
        presenters = presenters == null ? List.of() : presenters;
        reviews = reviews == null ? List.of() : reviews;
        materials = materials == null ? List.of() : materials;
    }

    /**
     * Who submitted it: the signed-in delegate, by the verified email of their token (which owns the
     * paper), and their confirmed registration for the event found by that email.
     */
    public record Submitter(String registrationId, String email, String fullName) {
    }

    /**
     * One reviewer's score (1–10) and comment, recorded under the reviewer's signed-in name and email
     * (never a name from the request); the reviewer's identity is shown to organisers and reviewers only.
     */
    public record Review(String reviewer, String reviewerEmail, int score, String comment, Instant at) {
    }

    public record Decision(PaperStatus outcome, String comment, Instant at) {
    }

    /** A file in GridFS ({@code id} is its file id) whose type was checked from its content. */
    public record Material(String id, String filename, String contentType, long size, String sha256, Instant uploadedAt) {
    }
}
