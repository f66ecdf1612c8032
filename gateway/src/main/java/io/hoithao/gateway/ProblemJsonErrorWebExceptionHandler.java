package io.hoithao.gateway;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
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
 */
@Component
@Order(-2)
public class ProblemJsonErrorWebExceptionHandler implements ErrorWebExceptionHandler {

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

	private static String clientDetail(Throwable ex, HttpStatusCode status) {
		if (ex instanceof ErrorResponse errorResponse && errorResponse.getBody().getDetail() != null) {
			return errorResponse.getBody().getDetail();
		}
		return ProblemResponses.titleFor(status) + ".";
	}

}
