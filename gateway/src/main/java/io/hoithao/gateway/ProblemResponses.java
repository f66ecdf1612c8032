package io.hoithao.gateway;

import io.hoithao.platform.web.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and writes the RFC 9457 {@code application/problem+json} bodies of the errors the
 * gateway produces itself (unknown route, body too large, service unavailable, internal error).
 * Errors produced by the services pass through the gateway untouched.
 */
@Component
public class ProblemResponses {

	/** Base of every problem {@code type} URI; the suffix is stable, clients may switch on it. */
	public static final String TYPE_BASE = ProblemTypes.BASE;

	public static final String NOT_FOUND = TYPE_BASE + ProblemTypes.NOT_FOUND;

	public static final String CONTENT_TOO_LARGE = TYPE_BASE + ProblemTypes.CONTENT_TOO_LARGE;

	public static final String SERVICE_UNAVAILABLE = TYPE_BASE + ProblemTypes.SERVICE_UNAVAILABLE;

	public static final String INTERNAL = TYPE_BASE + ProblemTypes.INTERNAL;

	/** 401 for a request that needs a sign-in and carries no token (a token refused is {@code invalid-token}). */
	public static final String UNAUTHENTICATED = TYPE_BASE + ProblemTypes.UNAUTHENTICATED;

	/** 429 from the rate limiter; the response has {@code Retry-After}. */
	public static final String TOO_MANY_REQUESTS = TYPE_BASE + ProblemTypes.TOO_MANY_REQUESTS;

	/** 431 from the HTTP server: headers over {@code server.max-http-request-header-size}. */
	public static final String REQUEST_HEADER_FIELDS_TOO_LARGE = TYPE_BASE + ProblemTypes.REQUEST_HEADER_FIELDS_TOO_LARGE;

	private final JsonMapper jsonMapper;

	public ProblemResponses(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/** The stable problem type for a status: a few named ones, else derived from the reason phrase. */
	public static String typeFor(HttpStatusCode status) {
		int code = status.value();
		if (code == 404) {
			return NOT_FOUND;
		}
		if (code == 413) {
			return CONTENT_TOO_LARGE;
		}
		if (code == 503) {
			return SERVICE_UNAVAILABLE;
		}
		if (code == 401) {
			return UNAUTHENTICATED;
		}
		if (code == 500) {
			return INTERNAL;
		}
		HttpStatus known = HttpStatus.resolve(code);
		if (known == null) {
			return TYPE_BASE + (status.is4xxClientError() ? "client-error" : "server-error");
		}
		return TYPE_BASE + known.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The path the client asked for, also after a {@code forward:} rewrote the request. */
	public static String originalPath(ServerWebExchange exchange) {
		String original = exchange.getAttribute(BodilessErrorProblemWebFilter.ORIGINAL_PATH_ATTR);
		return original != null ? original : exchange.getRequest().getPath().value();
	}

	public static String titleFor(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
	}

	/** The problem body, members in RFC 9457 order. */
	public Map<String, Object> problem(String type, HttpStatusCode status, String title, String detail,
			String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("title", title);
		body.put("status", status.value());
		body.put("detail", detail);
		if (instance != null) {
			body.put("instance", instance);
		}
		return body;
	}

	/**
	 * The {@code Retry-After} of a 503 service-unavailable, in seconds: while the breaker is open it
	 * refuses calls for its wait in the open state (10 s, application.yml), otherwise a refused
	 * connection or a timeout is worth another try a little later.
	 */
	public static String retryAfterSeconds(Throwable cause) {
		for (Throwable t = cause; t != null; t = t.getCause()) {
			if (t instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException) {
				return "10";
			}
		}
		return "5";
	}

	/**
	 * 503 {@code .../service-unavailable} naming the service: the circuit breakers' fallback, and the
	 * error handler for routes without a fallback (the streaming {@code presentation-materials}).
	 */
	public Map<String, Object> serviceUnavailable(String service, String instance) {
		return problem(SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				"The " + service + " service is unavailable or did not answer in time; try again shortly.", instance);
	}

	public String json(Map<String, Object> problem) {
		return this.jsonMapper.writeValueAsString(problem);
	}

	/** Writes the problem as the whole response; the caller checked it is not committed yet. */
	public Mono<Void> write(ServerHttpResponse response, Map<String, Object> problem) {
		byte[] bytes = json(problem).getBytes(StandardCharsets.UTF_8);
		response.setStatusCode(HttpStatusCode.valueOf((Integer) problem.get("status")));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().setContentLength(bytes.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
	}

}
