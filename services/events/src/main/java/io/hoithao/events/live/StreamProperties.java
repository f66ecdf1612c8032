package io.hoithao.events.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of the public live streams.
 *
 * @param maxDuration how long one stream stays open; the client then reconnects (its next request
 *        is authorised and counted again)
 * @param reconnectAfter the {@code retry} an {@code EventSource} waits before reconnecting
 * @param perClient how many streams one client address may hold open at once
 * @param retryAfter the {@code Retry-After} of the refusal when a client holds too many
 * @param trustedProxies addresses (a regular expression) allowed to name the client in
 *        {@code X-Forwarded-For}: the gateway and the web site, which relay their callers' streams
 */
@ConfigurationProperties("hoithao.events.stream")
record StreamProperties(Duration maxDuration, Duration reconnectAfter, Integer perClient, Duration retryAfter,
                        String trustedProxies) {

    StreamProperties {
        maxDuration = maxDuration == null ? Duration.ofMinutes(30) : maxDuration;
        reconnectAfter = reconnectAfter == null ? Duration.ofSeconds(5) : reconnectAfter;
        perClient = perClient == null ? 20 : perClient;
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
        trustedProxies = trustedProxies == null ? "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1" : trustedProxies;
    }
}
