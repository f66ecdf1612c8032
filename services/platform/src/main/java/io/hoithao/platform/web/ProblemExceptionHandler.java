package io.hoithao.platform.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * Answers every failure, from a controller or from the framework around it, as RFC 9457
 * {@code application/problem+json} with a stable type. Client errors say what was wrong; anything
 * unexpected is logged here and answered with a generic 500 that never shows a stack trace.
 */
public class ProblemExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ServerResponse.Context context;

    public ProblemExceptionHandler(ServerCodecConfigurer codecs) {
        this.context = new ServerResponse.Context() {
            @Override
            public List<org.springframework.http.codec.HttpMessageWriter<?>> messageWriters() {
                return codecs.getWriters();
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return HandlerStrategies.withDefaults().viewResolvers();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        ProblemDetail problem = toProblem(failure);
        problem.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
        ServerResponse.BodyBuilder builder = ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (failure instanceof ResponseStatusException rse) {
            rse.getHeaders().forEach((name, values) -> builder.header(name, values.toArray(String[]::new)));
        }
        if (problem.getStatus() == 401 && !exchange.getResponse().getHeaders().containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (failure instanceof ProblemException e && e.retryAfter() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        } else if ((problem.getStatus() == 503 || problem.getStatus() == 429) && !(failure instanceof ResponseStatusException rse
                && rse.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER))) {
            builder.header(HttpHeaders.RETRY_AFTER, String.valueOf(RetryAfterFilter.DEFAULT.toSeconds()));
        }
        return builder.bodyValue(problem).flatMap(response -> response.writeTo(exchange, context));
    }

    ProblemDetail toProblem(Throwable failure) {
        if (failure instanceof ProblemException e) {
            ProblemDetail problem = problem(e.status(), e.type().toString(), e.title(), e.getMessage());
            e.properties().forEach(problem::setProperty);
            return problem;
        }
        if (failure instanceof WebExchangeBindException e) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                    "The request has " + e.getErrorCount() + " invalid field(s)");
            problem.setProperty("errors", fieldErrors(e.getFieldErrors(), e.getGlobalErrors().stream()
                    .map(error -> error.getObjectName() + ": " + error.getDefaultMessage()).toList()));
            return problem;
        }
        if (failure instanceof HandlerMethodValidationException e) {
            List<Map<String, Object>> errors = new ArrayList<>();
            e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                    errors.add(ProblemException.fieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                    "The request has " + errors.size() + " invalid parameter(s)");
            problem.setProperty("errors", errors);
            return problem;
        }
        if (failure instanceof ConstraintViolationException e) {
            List<Map<String, Object>> errors = e.getConstraintViolations().stream()
                    .map(v -> ProblemException.fieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(m -> String.valueOf(m.get("field"))))
                    .toList();
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                    "The request has " + errors.size() + " invalid value(s)");
            problem.setProperty("errors", errors);
            return problem;
        }
        if (causedBy(failure, DataBufferLimitException.class)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                    "The request body is larger than this endpoint accepts");
        }
        if (failure instanceof UnsupportedMediaTypeStatusException e) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Content type " + (e.getContentType() == null ? "(none)" : e.getContentType())
                            + " is not supported; use " + e.getSupportedMediaTypes());
        }
        if (failure instanceof ServerWebInputException e) {
            return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request", inputDetail(e));
        }
        if (failure instanceof MethodNotAllowedException e) {
            return problem(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED, "Method not allowed",
                    e.getHttpMethod() + " is not allowed here; allowed: " + e.getSupportedMethods());
        }
        if (failure instanceof NotAcceptableStatusException e) {
            return problem(HttpStatus.NOT_ACCEPTABLE, ProblemTypes.NOT_ACCEPTABLE, "Not acceptable",
                    "This resource can be returned as " + e.getSupportedMediaTypes());
        }
        if (failure instanceof ResponseStatusException e && e.getStatusCode().value() == 404) {
            return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", "No resource at this path");
        }
        if (failure instanceof OptimisticLockingFailureException) {
            return problem(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_MODIFICATION, "Concurrent modification",
                    "Someone else changed this resource at the same time; read it again and retry");
        }
        if (failure instanceof DuplicateKeyException) {
            return problem(HttpStatus.CONFLICT, ProblemTypes.DUPLICATE, "Duplicate", "This resource already exists");
        }
        if (failure instanceof ResponseStatusException e && e.getStatusCode().is4xxClientError()) {
            HttpStatusCode status = e.getStatusCode();
            return problem(status, "http-" + status.value(), e.getReason() == null ? "Client error" : e.getReason(),
                    e.getReason() == null ? "The request was not accepted" : e.getReason());
        }
        if (failure instanceof AuthenticationServiceException) {
            log.warn("Could not check an access token: {}", failure.getMessage());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.IDENTITY_UNAVAILABLE, "Identity provider unavailable",
                    "The access token could not be checked because the identity provider's keys are unreachable; try again shortly");
        }
        if (databaseUnreachable(failure)) {
            log.warn("The database is unreachable: {}", failure.toString());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.DATABASE_UNAVAILABLE, "Database unavailable",
                    "The service cannot reach its database at the moment; nothing was changed, try again shortly");
        }
        if (failure instanceof AccessDeniedException) {
            return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", "You are not allowed to do this");
        }
        log.error("Unexpected failure", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                "The server could not complete the request; it has been logged");
    }

    private static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.startsWith("http") && type.contains("://") ? java.net.URI.create(type) : ProblemTypes.uri(type));
        problem.setTitle(title);
        return problem;
    }

    private static List<Map<String, Object>> fieldErrors(List<FieldError> fieldErrors, List<String> globalErrors) {
        List<Map<String, Object>> errors = new ArrayList<>();
        fieldErrors.stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .forEach(error -> errors.add(ProblemException.fieldError(error.getField(), error.getDefaultMessage())));
        globalErrors.forEach(message -> errors.add(ProblemException.fieldError("", message)));
        return errors;
    }

    private static String inputDetail(ServerWebInputException e) {
        if (causedBy(e, DecodingException.class)) {
            return "The request body is not valid JSON for this endpoint";
        }
        if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null) {
            return "Invalid value for '" + e.getMethodParameter().getParameterName() + "'";
        }
        return e.getReason() == null ? "The request could not be read" : e.getReason();
    }

    /**
     * The driver found no server in time, lost its connection, or could not open one: an outage of the
     * database (a restart, a network cut), which a retry a moment later may outlive.
     */
    static boolean databaseUnreachable(Throwable failure) {
        return causedBy(failure, MongoTimeoutException.class) || causedBy(failure, MongoSocketException.class)
                || causedBy(failure, DataAccessResourceFailureException.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
