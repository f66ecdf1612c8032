package io.hoithao.web;

import java.net.InetSocketAddress;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Tells the gateway whose request an API call is for: {@code X-Forwarded-For} with the visitor's address
 * (the one the gateway gave this application when it forwarded the page's request). The gateway trusts it
 * from this machine's address only, so its per-address limits count the visitor, not the web application.
 */
public final class ForwardedFor {

    static final String HEADER = "X-Forwarded-For";

    private ForwardedFor() {
    }

    public static ExchangeFilterFunction filter() {
        return (request, next) -> Mono.deferContextual(context -> {
            if (!context.hasKey(ServerWebExchange.class)) {
                return next.exchange(request);
            }
            InetSocketAddress remote = context.<ServerWebExchange>get(ServerWebExchange.class).getRequest().getRemoteAddress();
            // an address taken from the gateway's X-Forwarded-For is unresolved: its host string is the address
            String address = remote == null ? null : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
            if (address == null || address.isBlank()) {
                return next.exchange(request);
            }
            return next.exchange(ClientRequest.from(request).headers(h -> h.set(HEADER, address)).build());
        });
    }
}
