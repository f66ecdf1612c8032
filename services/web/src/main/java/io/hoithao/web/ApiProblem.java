package io.hoithao.web;

import io.hoithao.platform.web.ProblemTypes;
import java.util.List;

/**
 * A 4xx problem+json answer of an API (docs/problems.md): its {@code type} (the part after
 * {@code https://hoithao.io/problems/}) picks the message the page shows, in the person's language;
 * the API's English {@code title} and {@code detail} are never shown.
 */
public class ApiProblem extends RuntimeException {


    private final int status;
    private final String type;
    private final List<FieldProblem> errors;
    private final String clashingTitle;
    private final String registrationStatus;

    public ApiProblem(int status, Body body) {
        super(status + " " + (body == null ? "" : body.type()));
        this.status = status;
        String t = body == null || body.type() == null ? "" : body.type();
        this.type = t.startsWith(ProblemTypes.BASE) ? t.substring(ProblemTypes.BASE.length()) : t;
        this.errors = body == null || body.errors() == null ? List.of() : List.copyOf(body.errors());
        this.clashingTitle = body == null ? null : body.clashingTitle();
        this.registrationStatus = body == null ? null : body.registrationStatus();
    }

    /** A booking clash's other lesson. */
    public String clashingTitle() {
        return clashingTitle;
    }

    /** Why a delegate is not confirmed (WAITLISTED, PENDING_APPROVAL, CANCELLED), when the API says. */
    public String registrationStatus() {
        return registrationStatus;
    }

    public int status() {
        return status;
    }

    /** The problem's short type, e.g. {@code duplicate-registration}; empty when the answer had none. */
    public String type() {
        return type;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** The members of a problem+json body the pages use (others are ignored). */
    public record Body(String type, Integer status, List<FieldProblem> errors, String clashingTitle, String registrationStatus) {

        public Body(String type, Integer status, List<FieldProblem> errors) {
            this(type, status, errors, null, null);
        }
    }

    /** One entry of a validation problem's {@code errors}. */
    public record FieldProblem(String field, String message) {
    }
}
