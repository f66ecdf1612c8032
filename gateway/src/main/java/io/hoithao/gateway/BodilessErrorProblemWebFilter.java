package io.hoithao.gateway;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives a problem+json body to the error responses that end with a status only: the rate
 * limiter's 429 (with {@code Retry-After}; completed through this decorator) and a refused CORS
 * request's 403 (completed by the server adapter after the chain). An {@code errorMessage} header,
 * as SCG's {@code RequestSize} filter sets, becomes the detail. Responses proxied from a service
 * are always written with a body publisher (never completed empty), so they are left as they are.
 *
 * <p>It also remembers the path the client asked for ({@link #ORIGINAL_PATH_ATTR}), because the
 * circuit breaker's {@code forward:} to the fallback rewrites the request path.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodilessErrorProblemWebFilter implements WebFilter {

	/** Exchange attribute: the request path as the client sent it. */
	public static final String ORIGINAL_PATH_ATTR = BodilessErrorProblemWebFilter.class.getName() + ".originalPath";

	private static final String REQUEST_SIZE_MESSAGE_HEADER = "errorMessage";

	private final ProblemResponses problems;

	public BodilessErrorProblemWebFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put(ORIGINAL_PATH_ATTR, exchange.getRequest().getPath().value());
		if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {
			@Override
			public Mono<Void> setComplete() {
				HttpStatusCode status = getStatusCode();
				if (isCommitted() || status == null || !status.isError()) {
					return super.setComplete();
				}
				String detail = getHeaders().getFirst(REQUEST_SIZE_MESSAGE_HEADER);
				getHeaders().remove(REQUEST_SIZE_MESSAGE_HEADER);
				String retryAfter = getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
				if (detail == null && status.value() == 429 && retryAfter != null) {
					detail = "Too many requests from this client; retry after " + retryAfter + " s.";
				}
				if (detail == null) {
					detail = ProblemResponses.titleFor(status) + ".";
				}
				Map<String, Object> problem = problems.problem(ProblemResponses.typeFor(status), status,
						ProblemResponses.titleFor(status), detail, ProblemResponses.originalPath(exchange));
				return problems.write(getDelegate(), problem);
			}
		};
		// Some answers are only a status, and the response is completed after this chain by the
		// server adapter, not through this decorator (e.g. the 403 of a refused CORS request).
		return chain.filter(exchange.mutate().response(response).build()).then(Mono.defer(() -> {
			HttpStatusCode status = response.getStatusCode();
			if (response.isCommitted() || status == null || !status.isError()) {
				return Mono.empty();
			}
			return response.setComplete();
		}));
	}

}
