package io.hoithao.gateway;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The response timeout ({@code spring.cloud.gateway.server.webflux.httpclient.response-timeout}) of
 * a route whose request body is streamed to the service (route metadata
 * {@value #METADATA_KEY}{@code : true}, with SCG's own timer off: {@code response-timeout: -1}).
 *
 * <p>SCG's {@code NettyRoutingFilter} times the whole forward from its start. With a cached body that
 * start is after the client has sent everything; with a streamed body the upload itself would count,
 * so a 50 MB upload would have to arrive within the 10 s. This filter starts the clock when the last
 * byte of the body has been read, and fails like SCG does (504 {@link ResponseStatusException}, which
 * the error handler answers as 503 service-unavailable). It runs right before the routing filter, so
 * inside the circuit breaker, which counts the timeout.
 */
@Component
public class StreamedBodyResponseTimeoutGlobalFilter implements GlobalFilter, Ordered {

	/** Route metadata key; {@code true} on a route that forwards its request body as it streams in. */
	public static final String METADATA_KEY = "streamed-body";

	/** Right before {@link NettyRoutingFilter}: after the route filters (the circuit breaker). */
	public static final int ORDER = NettyRoutingFilter.ORDER - 1;

	private final HttpClientProperties properties;

	public StreamedBodyResponseTimeoutGlobalFilter(HttpClientProperties properties) {
		this.properties = properties;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		Duration timeout = this.properties.getResponseTimeout();
		if (route == null || timeout == null || !Boolean.parseBoolean(String.valueOf(route.getMetadata().get(METADATA_KEY)))) {
			return chain.filter(exchange);
		}
		Sinks.Empty<Void> bodyRead = Sinks.empty();
		ServerHttpRequestDecorator request = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				return super.getBody().doOnComplete(bodyRead::tryEmitEmpty);
			}
		};
		// the routing filter's Mono completes with the response headers (the body is written later)
		return chain.filter(exchange.mutate().request(request).build())
			.timeout(bodyRead.asMono().then(Mono.delay(timeout)))
			.onErrorMap(TimeoutException.class, ex -> new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
					"Response took longer than timeout: " + timeout, ex));
	}

}
