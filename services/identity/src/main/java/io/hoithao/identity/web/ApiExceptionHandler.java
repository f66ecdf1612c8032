package io.hoithao.identity.web;

import io.hoithao.identity.throttle.ThrottledException;
import io.hoithao.identity.user.DuplicateEmailException;
import io.hoithao.identity.user.UnknownUserException;
import io.hoithao.platform.web.ProblemTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every failure of a request as RFC 9457 {@code application/problem+json} with a type from the
 * suite's catalogue: client errors say what was wrong; anything unexpected is logged and answered
 * with a generic 500 that shows no exception message.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e) {
        return respond(e.problem());
    }

    @ExceptionHandler(DuplicateEmailException.class)
    ResponseEntity<Object> duplicate(DuplicateEmailException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, ProblemTypes.DUPLICATE, "Duplicate",
                "A user with this email address already exists");
        problem.setProperty("email", e.email());
        return respond(problem);
    }

    @ExceptionHandler(ThrottledException.class)
    ResponseEntity<Object> throttled(ThrottledException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests",
                "Too many sign-ups from this address or for this email; retry after " + e.retryAfterSeconds() + " seconds");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler(UnknownUserException.class)
    ResponseEntity<Object> unknownUser(UnknownUserException e) {
        return respond(Problems.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", "No user has this email address"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                "The server could not complete the request; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        e.getFieldErrors().stream().sorted(Comparator.comparing(FieldError::getField))
                .forEach(error -> errors.add(fieldError(error.getField(), error.getDefaultMessage())));
        e.getGlobalErrors().forEach(error -> errors.add(fieldError("", error.getDefaultMessage())));
        return respond(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(fieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        errors.sort(Comparator.comparing(error -> String.valueOf(error.get("field"))));
        return respond(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON for this endpoint";
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request", detail);
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            problem.setDetail("The request body has a property this endpoint does not accept: '" + unknown.getPropertyName() + "'");
            problem.setProperty("property", unknown.getPropertyName());
        } else if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String path = path(json);
            problem.setDetail("The request body's '" + path + "' has the wrong type or format");
            problem.setProperty("property", path);
        }
        return respond(problem);
    }

    /** The framework's own answers (404, 405, 406, 415, a missing parameter...) with this service's types. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
        String slug = switch (status.value()) {
            case 400 -> ProblemTypes.MALFORMED_REQUEST;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            default -> status.is5xxServerError() ? ProblemTypes.INTERNAL : "http-" + status.value();
        };
        if (status.is5xxServerError()) {
            log.error("Unexpected failure", e);
            problem.setDetail("The server could not complete the request; it has been logged");
        }
        problem.setType(ProblemTypes.uri(slug));
        if (status.value() == 404) {
            problem.setDetail("Nothing at this path");
        }
        HttpHeaders answerHeaders = new HttpHeaders();
        answerHeaders.addAll(headers);
        answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(status).headers(answerHeaders).body(problem);
    }

    static Map<String, Object> fieldError(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private static ProblemDetail validation(List<Map<String, Object>> errors) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                "The request has " + errors.size() + " invalid field(s)");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
