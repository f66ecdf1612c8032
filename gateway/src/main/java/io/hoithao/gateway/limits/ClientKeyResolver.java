package io.hoithao.gateway.limits;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The rate limit key of a request: {@code user:<principal name>} when the request is
 * authenticated, else {@code ip:<client address>}.
 *
 * <p>The client address honours {@code spring.cloud.gateway.server.webflux.trusted-proxies}: the
 * TCP peer, unless the peer is a trusted proxy; then the {@code X-Forwarded-For} chain is walked
 * from the right (the hop nearest the gateway) and the first address that is not a trusted proxy
 * is the client. A client that is not a trusted proxy cannot choose its key by sending
 * {@code X-Forwarded-For}.
 */
public class ClientKeyResolver implements KeyResolver {

	/** The prefix of a signed-in person's key. */
	public static final String USER_PREFIX = "user:";

	/** The prefix of an address's key. */
	public static final String ADDRESS_PREFIX = "ip:";

	private static final String X_FORWARDED_FOR = "X-Forwarded-For";

	private final Predicate<String> trusted;

	public ClientKeyResolver(String trustedProxies) {
		if (StringUtils.hasText(trustedProxies)) {
			TrustedProxies proxies = TrustedProxies.from(trustedProxies);
			this.trusted = proxies::isTrusted;
		}
		else {
			this.trusted = address -> false;
		}
	}

	@Override
	public Mono<String> resolve(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.map(Principal::getName)
			.filter(StringUtils::hasText)
			.map(name -> USER_PREFIX + name)
			.switchIfEmpty(Mono.fromSupplier(() -> ADDRESS_PREFIX + clientAddress(exchange.getRequest())));
	}

	String clientAddress(ServerHttpRequest request) {
		String peer = address(request.getRemoteAddress());
		if (!this.trusted.test(peer)) {
			return peer;
		}
		List<String> forwardedFor = new ArrayList<>();
		for (String header : request.getHeaders().getValuesAsList(X_FORWARDED_FOR)) {
			for (String hop : header.split(",")) {
				if (StringUtils.hasText(hop)) {
					forwardedFor.add(hop.trim());
				}
			}
		}
		for (int i = forwardedFor.size() - 1; i >= 0; i--) {
			if (!this.trusted.test(forwardedFor.get(i))) {
				return forwardedFor.get(i);
			}
		}
		// every hop is a trusted proxy: the first one is the nearest thing to a client
		return forwardedFor.isEmpty() ? peer : forwardedFor.get(0);
	}

	private static String address(InetSocketAddress remote) {
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

}
