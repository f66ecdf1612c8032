package io.hoithao.presentations.paper;

import io.hoithao.platform.status.Transitions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a paper is in its life, and where it may go from there ({@link #canBecome}): every change of status is one
 * of these transitions. The first review takes a submitted paper under review; the organisers then accept it,
 * reject it or ask for a revision, and the revised paper is submitted again; the submitter may withdraw it until
 * it is rejected. REJECTED and WITHDRAWN are final. An edit of a submitted paper, or a review of one under review,
 * keeps its status. Placement in a session is kept apart, by the programme.
 */
public enum PaperStatus implements Transitions<PaperStatus> {
    SUBMITTED, UNDER_REVIEW, REVISION_REQUESTED, ACCEPTED, REJECTED, WITHDRAWN;

    /** What the organisers decide on a paper under review. */
    public static final Set<PaperStatus> DECISIONS = EnumSet.of(ACCEPTED, REJECTED, REVISION_REQUESTED);

    /** The statuses a paper in this one may move to. */
    @Override
    public Set<PaperStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(UNDER_REVIEW, WITHDRAWN);
            case UNDER_REVIEW -> EnumSet.of(ACCEPTED, REJECTED, REVISION_REQUESTED, WITHDRAWN);
            case REVISION_REQUESTED -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(WITHDRAWN);
            case REJECTED, WITHDRAWN -> EnumSet.noneOf(PaperStatus.class);
        };
    }

    /** The submitter may edit until review starts, and again when a revision is requested: the edit submits it. */
    public boolean editable() {
        return this == SUBMITTED || canBecome(SUBMITTED);
    }

    /** Reviewers review a submitted paper (which the review takes under review) or one under review. */
    public boolean reviewable() {
        return this == UNDER_REVIEW || canBecome(UNDER_REVIEW);
    }

    /** A decision needs at least one review, which moved the paper to {@code UNDER_REVIEW}. */
    public boolean decidable() {
        return DECISIONS.stream().allMatch(this::canBecome);
    }

    public boolean withdrawable() {
        return canBecome(WITHDRAWN);
    }
}
