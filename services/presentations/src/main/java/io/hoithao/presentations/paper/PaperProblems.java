package io.hoithao.presentations.paper;

import io.hoithao.platform.web.ProblemException;
import io.hoithao.platform.web.Refusals;
import org.springframework.http.HttpStatus;

/** The papers' refusals as the API answers them (application/problem+json, the service's README). */
public final class PaperProblems {

    static final String NOT_SUBMITTER = "not-submitter";
    static final String ALREADY_REVIEWED = "already-reviewed";
    static final String TOO_MANY_MATERIALS = "too-many-materials";

    private PaperProblems() {
    }

    /** The paper a command ended with, or its refusal as a problem. */
    public static Paper orThrow(PaperDecision.Result result) {
        return Refusals.orThrow(result, PaperDecision.Done.class, PaperDecision.Done::paper, PaperDecision.Refusal.class,
                PaperProblems::problem);
    }

    public static ProblemException problem(PaperDecision.Refusal refusal) {
        if (refusal instanceof PaperDecision.InvalidTransition invalid) {
            return ProblemException.invalidTransition("Paper", invalid.paperId(), invalid.current().name(), invalid.requested());
        }
        if (refusal instanceof PaperDecision.NotSubmitter notSubmitter) {
            return notSubmitter(notSubmitter.paperId());
        }
        if (refusal instanceof PaperDecision.AlreadyReviewed reviewed) {
            return ProblemException.conflict(ALREADY_REVIEWED, reviewed.reviewer() + " has already reviewed paper "
                    + reviewed.paperId()).with("paperId", reviewed.paperId());
        }
        if (refusal instanceof PaperDecision.TooManyMaterials materials) {
            return ProblemException.conflict(TOO_MANY_MATERIALS, "Paper " + materials.paperId() + " already has "
                    + materials.materials() + " materials").with("maxPerPaper", materials.maxPerPaper());
        }
        throw new IllegalStateException("Unknown refusal " + refusal);
    }

    /** 403 {@code not-submitter}: someone who may read the paper, but did not submit it, changes it. */
    static ProblemException notSubmitter(String paperId) {
        return new ProblemException(HttpStatus.FORBIDDEN, NOT_SUBMITTER, "Not the submitter",
                "Only the delegate who submitted paper " + paperId + " may change it").with("paperId", paperId);
    }
}
