package io.hoithao.gateway;

import java.util.Map;

import io.hoithao.gateway.limits.ContentTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The circuit breakers' fallback ({@code forward:/fallback/<service>}): a 503 problem+json naming
 * the service. Reached only by that forward; a client calling {@code /fallback/...} directly gets
 * the ordinary 404.
 */
@Configuration(proxyBeanMethods = false)
public class FallbackRoutes {

	private static final Logger log = LoggerFactory.getLogger(FallbackRoutes.class);

	@Bean
	RouterFunction<ServerResponse> circuitBreakerFallback(ProblemResponses problems) {
		// any method: the breaker forwards the client's request as it came (GET, POST, ...)
		return RouterFunctions.route(RequestPredicates.path("/fallback/{service}"),
				request -> fallback(request, problems));
	}

	private static Mono<ServerResponse> fallback(ServerRequest request, ProblemResponses problems) {
		Object cause = request.exchange().getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (cause == null) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		if (cause instanceof ContentTooLargeException tooLarge) {
			// the client's fault, not the service's: a body that passed its limit while streaming
			return Mono.error(tooLarge);
		}
		String service = request.pathVariable("service");
		String path = ProblemResponses.originalPath(request.exchange());
		log.warn("{} service unavailable for {} {}: {}", service, request.method(), path, cause);
		HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
		Map<String, Object> problem = problems.serviceUnavailable(service, path);
		return ServerResponse.status(status)
			.header(HttpHeaders.RETRY_AFTER, ProblemResponses.retryAfterSeconds((Throwable) cause))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(problems.json(problem));
	}

}
