package io.hoithao.platform.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections the collections whose documents carry an outbox
 * @param sweepInterval how often to publish what a crash or a broker outage left behind
 * @param source the CloudEvents {@code ce_source} of this service's messages
 * @param sendTimeout how long to wait for the broker's acknowledgement of one message
 * @param databaseTimeout how long one database call of the relay may take before it counts as failed
 *        (the sweep then carries on with the next document, and the next sweep tries again)
 */
@ConfigurationProperties("hoithao.outbox")
public record OutboxProperties(List<String> collections, Duration sweepInterval, String source, Duration sendTimeout,
                               Duration databaseTimeout) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        source = source == null ? "/hoithao" : source;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        databaseTimeout = databaseTimeout == null ? Duration.ofSeconds(10) : databaseTimeout;
    }
}
