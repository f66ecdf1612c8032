package io.hoithao.identity.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A client error answered as the given problem. */
public class ProblemException extends RuntimeException {

    private final transient ProblemDetail problem;

    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        super(detail);
        this.problem = Problems.problem(status, slug, title, detail);
    }

    public ProblemException with(String property, Object value) {
        problem.setProperty(property, value);
        return this;
    }

    public ProblemDetail problem() {
        return problem;
    }
}
