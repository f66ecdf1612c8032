package io.hoithao.presentations.paper;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hoithao.presentations.paper.Paper.Decision;
import io.hoithao.presentations.paper.Paper.Material;
import java.time.Instant;
import java.util.List;

/**
 * A paper as its submitter, reviewers and organisers see it: the decision and the reviewers' scores and comments,
 * never who the reviewers are. {@code placement} is null unless the paper sits in a session.
 */
public record PaperView(
        String id,
        String eventId,
        String title,
        @JsonProperty("abstract") String abstractText,
        List<String> presenters,
        String unit,
        String unitId,
        int requestedMinutes,
        String topic,
        PaperStatus status,
        String submittedBy,
        Instant submittedAt,
        Instant updatedAt,
        List<Feedback> feedback,
        Decision decision,
        List<Material> materials,
        Placement placement) {

    record Feedback(int score, String comment, Instant at) {
    }

    public record Placement(String sessionId, int position, int minutes) {
    }

    public static PaperView of(Paper p, Placement placement) {
        return new PaperView(p.id(), p.eventId(), p.title(), p.abstractText(), p.presenters(), p.unit(),
                p.unitId(), p.requestedMinutes(), p.topic(), p.status(), p.submitter().fullName(), p.submittedAt(), p.updatedAt(),
                p.reviews().stream().map(r -> new Feedback(r.score(), r.comment(), r.at())).toList(),
                p.decision(), p.materials(), placement);
    }
}
