package io.hoithao.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on, answered as {@code application/problem+json} with a stable type.
 * Extra properties (the current state, the clashing session...) appear as members of the problem.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private java.time.Duration retryAfter;

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, type, "Bad request", detail);
    }

    /** No valid access token: sign in first (401, with a {@code WWW-Authenticate: Bearer} challenge). */
    public static ProblemException unauthenticated() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                "Sign in and send the access token as 'Authorization: Bearer <token>'");
    }

    /** Signed in, but not allowed to do this (403). */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }

    /** A field that passed bean validation but breaks a rule spanning several fields (end before start...). */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                "The request has 1 invalid field: " + field + " " + message).with("errors", List.of(fieldError(field, message)));
    }

    /** Fields that break rules of several values or of stored state (400), each one in {@code errors} ({@link #fieldError}). */
    public static ProblemException invalidFields(List<Map<String, Object>> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                "The request has " + errors.size() + " invalid field(s)").with("errors", errors);
    }

    /** One entry of a validation problem's {@code errors}: the field and what is wrong with it. */
    public static Map<String, Object> fieldError(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    /**
     * A status change that the current status does not allow (409): {@code what} names the thing ("Event",
     * "Registration"); its statuses are also given as {@code currentState} and {@code requestedState}, as passed.
     */
    public static ProblemException invalidTransition(String what, Object id, Object current, Object requested) {
        return conflict(ProblemTypes.INVALID_TRANSITION, what + " " + id + " is " + current + "; it cannot become " + requested)
                .with("currentState", current).with("requestedState", requested);
    }

    /**
     * One more element than a documented limit allows in a list that grows one request at a time (an event's
     * sessions, a programme's plans...). {@code detail} names the limit; {@code what} names the list.
     */
    public static ProblemException limitExceeded(String what, int limit, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.LIMIT_EXCEEDED, "Limit exceeded", detail)
                .with("limit", limit).with("list", what);
    }

    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** When the client may try again: sent as {@code Retry-After} (a 429 or 503 otherwise gets the default). */
    public ProblemException retryAfter(java.time.Duration delay) {
        this.retryAfter = delay;
        return this;
    }

    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return ProblemTypes.uri(type);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
