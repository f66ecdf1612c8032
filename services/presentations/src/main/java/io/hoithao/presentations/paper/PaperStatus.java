package io.hoithao.presentations.paper;

import java.util.EnumSet;
import java.util.Set;

/** Where a paper is in its life; placement in a session is kept apart, by the programme. */
public enum PaperStatus {
    SUBMITTED, UNDER_REVIEW, REVISION_REQUESTED, ACCEPTED, REJECTED, WITHDRAWN;

    /** The submitter may edit until review starts, and again when a revision is requested. */
    public boolean editable() {
        return this == SUBMITTED || this == REVISION_REQUESTED;
    }

    public boolean reviewable() {
        return this == SUBMITTED || this == UNDER_REVIEW;
    }

    /** A decision needs at least one review, which moved the paper to {@code UNDER_REVIEW}. */
    public boolean decidable() {
        return this == UNDER_REVIEW;
    }

    public boolean withdrawable() {
        return !terminal();
    }

    public boolean terminal() {
        return this == REJECTED || this == WITHDRAWN;
    }

    public static final Set<PaperStatus> DECISIONS = EnumSet.of(ACCEPTED, REJECTED, REVISION_REQUESTED);
}
