package io.hoithao.presentations.paper;

import io.hoithao.contracts.presentations.PresentationsMessage;
import io.hoithao.platform.status.StatusChange;

/**
 * What {@link PaperLifecycle} decides about a command on a paper, as plain values: a change to write, or a refusal
 * (the shape of the events' and registrations' decisions; not the organisers' {@link Paper.Decision} on a paper).
 * {@link PaperStore#apply} makes a change one version-guarded write; the handler answers a refusal as a problem
 * ({@link PaperProblems#orThrow}).
 */
public sealed interface PaperDecision {

    /**
     * A change of the paper as read ({@link StatusChange}: its status along {@link PaperStatus#canBecome}, fields,
     * appended items, messages).
     */
    record Change(StatusChange<PaperStatus, PresentationsMessage> write) implements PaperDecision {
    }

    /** Where a command on a paper ended, for its caller: the paper as written, or a refusal. */
    sealed interface Result {
    }

    /** The paper as the change left it. */
    record Done(Paper paper) implements Result {
    }

    /** Why a command was refused. */
    sealed interface Refusal extends PaperDecision, Result {
    }

    /**
     * The paper's status does not allow what was asked: {@code requested} is the status asked for, or what the
     * command does to a paper without a change of status ({@code EDITED}, {@code MATERIAL_ADDED}).
     */
    record InvalidTransition(String paperId, PaperStatus current, String requested) implements Refusal {
    }

    /** Only the delegate who submitted the paper changes it. */
    record NotSubmitter(String paperId) implements Refusal {
    }

    /** This reviewer has reviewed the paper before. */
    record AlreadyReviewed(String paperId, String reviewer) implements Refusal {
    }

    /** The paper has as many materials as a paper may have. */
    record TooManyMaterials(String paperId, int materials, int maxPerPaper) implements Refusal {
    }
}
