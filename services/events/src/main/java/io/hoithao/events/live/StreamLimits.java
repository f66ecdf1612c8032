package io.hoithao.events.live;

import io.hoithao.platform.web.ProblemException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Keeps the public streams bounded: each ends after {@link StreamProperties#maxDuration()} (clients
 * reconnect, and are counted and authorised again), and one client address holds at most
 * {@link StreamProperties#perClient()} at a time; one more is refused with 429 and {@code Retry-After}.
 * The count is per instance, in memory: a stream lives on the instance that serves it.
 */
@Component
@EnableConfigurationProperties(StreamProperties.class)
public class StreamLimits {

    public static final String TOO_MANY_STREAMS = "too-many-streams";

    private final StreamProperties properties;
    private final Pattern trustedProxies;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    StreamLimits(StreamProperties properties) {
        this.properties = properties;
        this.trustedProxies = Pattern.compile(properties.trustedProxies());
    }

    /** How long a client should wait before reconnecting once a stream has ended. */
    public Duration reconnectAfter() {
        return properties.reconnectAfter();
    }

    /**
     * The stream for this request, counted against its client while it is open and ended after the
     * maximum duration; or a 429 problem if the client already holds its share.
     */
    public <T> Flux<T> open(ServerHttpRequest request, Supplier<Flux<T>> stream) {
        String client = clientAddress(request);
        return Flux.defer(() -> {
            if (!admit(client)) {
                return Flux.error(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_STREAMS, "Too many streams",
                        "This address already has " + properties.perClient() + " live streams open; close one or try again later")
                        .with("maxStreams", properties.perClient())
                        .retryAfter(properties.retryAfter()));
            }
            return stream.get()
                    .take(properties.maxDuration())
                    .doFinally(signal -> release(client));
        });
    }

    int openStreams(String client) {
        return open.getOrDefault(client, 0);
    }

    private boolean admit(String client) {
        boolean[] admitted = {false};
        open.compute(client, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= properties.perClient()) {
                return count;
            }
            admitted[0] = true;
            return current + 1;
        });
        return admitted[0];
    }

    private void release(String client) {
        open.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }

    /**
     * The TCP peer, unless it is a trusted proxy; then the {@code X-Forwarded-For} chain is walked from
     * the hop nearest to us, and the first address that is not a trusted proxy is the client. Anyone
     * else's {@code X-Forwarded-For} is ignored, so a client cannot choose whom it is counted as.
     */
    String clientAddress(ServerHttpRequest request) {
        String peer = address(request.getRemoteAddress());
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getValuesAsList("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    private boolean trusted(String address) {
        return trustedProxies.matcher(address).matches();
    }

    private static String address(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
