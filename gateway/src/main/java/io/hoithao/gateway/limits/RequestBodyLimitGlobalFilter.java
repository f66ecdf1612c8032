package io.hoithao.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The request body limit of every route: the route's {@code max-request-size} metadata, else
 * {@code hoithao.gateway.max-request-size} (1 MB).
 *
 * <ul>
 * <li>A {@code Content-Length} over the limit is refused at once (413), nothing is read.</li>
 * <li>A body without {@code Content-Length} (chunked) is counted as it streams in and the request
 * fails with 413 as soon as the count passes the limit.</li>
 * </ul>
 *
 * <p>Why not SCG's {@code RequestSize} filter: it reads {@code Content-Length} only, and as a route
 * filter it runs after {@code AdaptCachedBodyGlobalFilter} (order {@code HIGHEST_PRECEDENCE + 1000}),
 * which buffers the whole body of every route with a {@code Retry} or a {@code CircuitBreaker}
 * fallback, so an oversized body was read into memory before it was refused. This filter runs
 * before that buffering, so at most the limit is ever buffered.
 */
@Component
public class RequestBodyLimitGlobalFilter implements GlobalFilter, Ordered {

	/** Route metadata key for a route's own limit, e.g. {@code 50MB}. */
	public static final String METADATA_KEY = "max-request-size";

	/** After the rate limiter, before SCG's body caching. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 200;

	private final DataSize defaultLimit;

	public RequestBodyLimitGlobalFilter(@Value("${hoithao.gateway.max-request-size:1MB}") DataSize defaultLimit) {
		this.defaultLimit = defaultLimit;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		DataSize limit = limitFor(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
		ServerHttpRequest request = exchange.getRequest();
		if (request.getHeaders().getContentLength() > limit.toBytes()) {
			return Mono.error(new ContentTooLargeException(limit));
		}
		ServerHttpRequest counting = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong received = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (received.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
						DataBufferUtils.release(buffer);
						sink.error(new ContentTooLargeException(limit));
					}
					else {
						sink.next(buffer);
					}
				});
			}
		};
		return chain.filter(exchange.mutate().request(counting).build());
	}

	DataSize limitFor(Route route) {
		Object value = (route != null) ? route.getMetadata().get(METADATA_KEY) : null;
		if (value == null) {
			return this.defaultLimit;
		}
		if (value instanceof Number number) {
			return DataSize.ofBytes(number.longValue());
		}
		return DataSize.parse(value.toString().trim());
	}

}
