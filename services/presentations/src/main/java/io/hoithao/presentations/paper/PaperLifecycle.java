package io.hoithao.presentations.paper;

import io.hoithao.contracts.presentations.PaperAccepted;
import io.hoithao.contracts.presentations.PaperRejected;
import io.hoithao.contracts.presentations.PaperRevised;
import io.hoithao.contracts.presentations.PaperRevisionRequested;
import io.hoithao.contracts.presentations.PaperWithdrawn;
import io.hoithao.contracts.presentations.PresentationsMessage;
import io.hoithao.platform.units.KnownUnits;
import io.hoithao.platform.status.StatusChange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The decisions of a paper's life, in plain Java: each takes the paper as read and the command's facts (whether
 * the caller submitted it, the time), and answers what to write and tell ({@link PaperDecision.Change}) or why not
 * ({@link PaperDecision.Refusal}). Every change of status goes through {@link PaperStatus#canBecome}. Nothing here
 * reads or writes: {@link PaperStore} writes a change, guarded by the version it was decided on. Who may read,
 * review or decide on a paper at all is {@link PaperAccess}'s, before.
 */
public final class PaperLifecycle {

    private PaperLifecycle() {
    }

    /**
     * The submitter edits the content; a paper asked to be revised is submitted again, back to the reviewers. The
     * unit stays the paper's as it is now (a rename may have come in between) unless a manager of the event named
     * another ({@code named}, may be null).
     */
    static PaperDecision edit(Paper paper, boolean bySubmitter, PaperRequest request, KnownUnits.KnownUnit named,
                              Instant now) {
        Optional<PaperDecision.Refusal> refused = refuseSubmitter(paper, bySubmitter)
                .or(() -> paper.status().editable() ? Optional.empty()
                        : Optional.of(new PaperDecision.InvalidTransition(paper.id(), paper.status(), "EDITED")));
        if (refused.isPresent()) {
            return refused.get();
        }
        String unitId = named != null ? named.id() : paper.unitId();
        String unit = named != null ? named.officialName() : paper.unit();
        List<String> presenters = request.presenters().stream().map(String::trim).toList();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", request.title().trim());
        fields.put("abstract", request.abstractText().trim());
        fields.put("presenters", presenters);
        fields.put("unit", unit);
        fields.put("unitId", unitId);
        fields.put("requestedMinutes", request.requestedMinutes());
        fields.put("topic", request.topic() == null || request.topic().isBlank() ? null : request.topic().trim());
        return change(paper, stayingOr(paper, PaperStatus.SUBMITTED), fields, Map.of(),
                List.of(new PaperRevised(UUID.randomUUID(), now, paper.eventId(), paper.id(), request.title().trim(),
                        unit, presenters, request.requestedMinutes())));
    }

    /** The submitter withdraws the paper (its placement, if any, is taken back first, by the programme). */
    public static PaperDecision withdraw(Paper paper, boolean bySubmitter, Instant now) {
        Optional<PaperDecision.Refusal> refused = refuseSubmitter(paper, bySubmitter)
                .or(() -> refuseTransition(paper, PaperStatus.WITHDRAWN));
        if (refused.isPresent()) {
            return refused.get();
        }
        return change(paper, PaperStatus.WITHDRAWN, Map.of(), Map.of(),
                List.of(new PaperWithdrawn(UUID.randomUUID(), now, paper.eventId(), paper.id())));
    }

    /**
     * A reviewer's review, once per reviewer ({@code sameReviewer} tells her earlier review): the first takes the
     * paper under review and ends the submitter's editing. Reviews tell nobody.
     */
    public static PaperDecision review(Paper paper, Paper.Review review, Predicate<Paper.Review> sameReviewer) {
        if (!paper.status().reviewable()) {
            return new PaperDecision.InvalidTransition(paper.id(), paper.status(), PaperStatus.UNDER_REVIEW.name());
        }
        if (paper.reviews().stream().anyMatch(sameReviewer)) {
            return new PaperDecision.AlreadyReviewed(paper.id(), review.reviewer());
        }
        return change(paper, stayingOr(paper, PaperStatus.UNDER_REVIEW), Map.of(), Map.of("reviews", review), List.of());
    }

    /** The organisers' decision ({@link PaperStatus#DECISIONS}) on a paper under review, told with its message. */
    public static PaperDecision decide(Paper paper, PaperStatus decision, String comment, Instant now) {
        if (!PaperStatus.DECISIONS.contains(decision)) {
            throw new IllegalArgumentException(decision + " is not a decision");
        }
        Optional<PaperDecision.Refusal> refused = refuseTransition(paper, decision);
        if (refused.isPresent()) {
            return refused.get();
        }
        String submitter = paper.submitter() == null ? null : paper.submitter().email();
        PresentationsMessage message = switch (decision) {
            case ACCEPTED -> new PaperAccepted(UUID.randomUUID(), now, paper.eventId(), paper.id(), paper.title(),
                    paper.unit(), paper.presenters(), submitter);
            case REJECTED -> new PaperRejected(UUID.randomUUID(), now, paper.eventId(), paper.id(), submitter);
            default -> new PaperRevisionRequested(UUID.randomUUID(), now, paper.eventId(), paper.id(), submitter);
        };
        return change(paper, decision, Map.of("decision", new Paper.Decision(decision, comment, now)), Map.of(),
                List.of(message));
    }

    /** Why the caller may not add a material to the paper, if she may not: checked before the upload, and again after. */
    public static Optional<PaperDecision.Refusal> refuseMaterial(Paper paper, boolean bySubmitter, int maxPerPaper) {
        return refuseSubmitter(paper, bySubmitter)
                .or(() -> paper.status().terminal()
                        ? Optional.of(new PaperDecision.InvalidTransition(paper.id(), paper.status(), "MATERIAL_ADDED"))
                        : Optional.empty())
                .or(() -> paper.materials().size() >= maxPerPaper
                        ? Optional.of(new PaperDecision.TooManyMaterials(paper.id(), paper.materials().size(), maxPerPaper))
                        : Optional.empty());
    }

    /** A material more, stored already; no change of status, no message. */
    public static PaperDecision addMaterial(Paper paper, boolean bySubmitter, Paper.Material material, int maxPerPaper) {
        Optional<PaperDecision.Refusal> refused = refuseMaterial(paper, bySubmitter, maxPerPaper);
        if (refused.isPresent()) {
            return refused.get();
        }
        return change(paper, null, Map.of(), Map.of("materials", material), List.of());
    }

    private static Optional<PaperDecision.Refusal> refuseSubmitter(Paper paper, boolean bySubmitter) {
        return bySubmitter ? Optional.empty() : Optional.of(new PaperDecision.NotSubmitter(paper.id()));
    }

    private static Optional<PaperDecision.Refusal> refuseTransition(Paper paper, PaperStatus target) {
        return paper.status().canBecome(target) ? Optional.empty()
                : Optional.of(new PaperDecision.InvalidTransition(paper.id(), paper.status(), target.name()));
    }

    /** The status a command brings the paper to, or null when the paper is in it already (no transition). */
    private static PaperStatus stayingOr(Paper paper, PaperStatus target) {
        return paper.status() == target ? null : target;
    }

    private static PaperDecision.Change change(Paper paper, PaperStatus to, Map<String, Object> fields,
                                               Map<String, Object> appended, List<PresentationsMessage> messages) {
        return new PaperDecision.Change(new StatusChange<>(paper.status(), to, fields, appended, messages));
    }
}
