package io.hoithao.gateway;

import java.io.IOException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Renders every exception that reaches the web layer of the gateway as problem+json: an unknown
 * route becomes 404 {@code .../not-found}, other 4xx keep their status and Spring's detail, and
 * anything else becomes a 500 with a generic detail (the cause is logged, never sent). Ordered
 * before Boot's {@code DefaultErrorWebExceptionHandler} (order -1), which would answer with its
 * own JSON error shape.
 *
 * <p>On a route without a circuit breaker fallback (the streaming {@code presentation-materials}
 * route: a fallback would make SCG buffer the body), the failures the fallback would have answered
 * arrive here and get the same 503 {@code .../service-unavailable} problem naming the service (the
 * route's {@value #SERVICE_METADATA_KEY} metadata, else its id): a connection error (refused,
 * connect timeout, closed before the answer: an {@link IOException}), no answer in time (SCG's
 * 504), or an open breaker (SCG's {@link ServiceUnavailableException}).
 */
@Component
@Order(-2)
public class ProblemJsonErrorWebExceptionHandler implements ErrorWebExceptionHandler {

	/** Route metadata key: the service named in a 503 problem; the route id when absent. */
	public static final String SERVICE_METADATA_KEY = "service";

	private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorWebExceptionHandler.class);

	private final ProblemResponses problems;

	public ProblemJsonErrorWebExceptionHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		ServerHttpRequest request = exchange.getRequest();
		String path = ProblemResponses.originalPath(exchange);
		String unavailable = unavailableService(exchange, ex);
		if (unavailable != null) {
			log.warn("{} service unavailable for {} {}: {}", unavailable, request.getMethod(), path, ex.toString());
			response.getHeaders().clear();
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, ProblemResponses.retryAfterSeconds(ex));
			return this.problems.write(response, this.problems.serviceUnavailable(unavailable, path));
		}
		HttpStatusCode status = (ex instanceof ErrorResponse errorResponse) ? errorResponse.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		String detail;
		if (status.value() == 404) {
			detail = "No route or resource matches " + request.getMethod() + " " + path + ".";
		}
		else if (status.is4xxClientError()) {
			detail = clientDetail(ex, status);
		}
		else if (status.value() == 500) {
			log.error("Unexpected error for {} {}", request.getMethod(), path, ex);
			detail = "An unexpected error occurred in the gateway.";
		}
		else {
			log.warn("{} for {} {}: {}", status.value(), request.getMethod(), path, ex.toString());
			detail = "The gateway could not complete the request; try again later.";
		}
		response.getHeaders().clear();
		if (ex instanceof ErrorResponse errorResponse) {
			// e.g. Allow on 405, Accept on 415
			response.getHeaders().putAll(errorResponse.getHeaders());
		}
		Map<String, Object> problem = this.problems.problem(ProblemResponses.typeFor(status), status,
				ProblemResponses.titleFor(status), detail, path);
		return this.problems.write(response, problem);
	}

	/**
	 * The service a failed forward was for, when {@code ex} says the service is down, open or too
	 * slow; else {@code null}. Only for an exchange that was routed (a route attribute).
	 */
	static String unavailableService(ServerWebExchange exchange, Throwable ex) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null || !isServiceFailure(ex)) {
			return null;
		}
		Object service = route.getMetadata().get(SERVICE_METADATA_KEY);
		return (service != null) ? service.toString() : route.getId();
	}

	private static boolean isServiceFailure(Throwable ex) {
		if (ex instanceof ErrorResponse errorResponse) {
			// SCG's response timeout is a 504 ResponseStatusException; 4xx (e.g. 413) are the client's
			return errorResponse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException || cause instanceof ServiceUnavailableException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static String clientDetail(Throwable ex, HttpStatusCode status) {
		if (ex instanceof ErrorResponse errorResponse && errorResponse.getBody().getDetail() != null) {
			return errorResponse.getBody().getDetail();
		}
		return ProblemResponses.titleFor(status) + ".";
	}

}
