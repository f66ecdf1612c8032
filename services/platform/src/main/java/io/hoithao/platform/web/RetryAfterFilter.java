package io.hoithao.platform.web;

import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every 503 and 429 a service answers says when to try again: if whoever wrote the response (a
 * problem, the health endpoint, a framework default) set no {@code Retry-After}, it gets the default
 * seconds just before the response is committed. A value already set is kept. Runs first, so that it
 * also sees the answers of the security filters.
 */
public class RetryAfterFilter implements WebFilter, Ordered {

    public static final Duration DEFAULT = Duration.ofSeconds(5);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            apply(response.getStatusCode(), response.getHeaders());
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static void apply(HttpStatusCode status, HttpHeaders headers) {
        if (status != null && (status.value() == 503 || status.value() == 429)
                && !headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DEFAULT.toSeconds()));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
