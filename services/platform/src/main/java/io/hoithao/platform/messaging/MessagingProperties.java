package io.hoithao.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How consumers retry, and how often the dead-letter gauge is refreshed.
 *
 * @param outageFirstDelay the first wait after a transient failure (an outage); doubled each time
 * @param outageMaxDelay the longest wait between two attempts during an outage
 * @param outageGiveUpAfter how long an outage is waited out before the message is dead-lettered
 * @param otherAttempts attempts of a message whose failure is neither an outage nor the message's own fault
 * @param otherDelay the wait between those attempts
 * @param deadLetterRefresh how often the count of unreplayed dead letters is taken again
 */
@ConfigurationProperties("hoithao.messaging")
public record MessagingProperties(Duration outageFirstDelay, Duration outageMaxDelay, Duration outageGiveUpAfter,
                                  Integer otherAttempts, Duration otherDelay, Duration deadLetterRefresh) {

    public MessagingProperties {
        outageFirstDelay = outageFirstDelay == null ? Duration.ofSeconds(1) : outageFirstDelay;
        outageMaxDelay = outageMaxDelay == null ? Duration.ofSeconds(30) : outageMaxDelay;
        outageGiveUpAfter = outageGiveUpAfter == null ? Duration.ofMinutes(15) : outageGiveUpAfter;
        otherAttempts = otherAttempts == null ? 3 : otherAttempts;
        otherDelay = otherDelay == null ? Duration.ofMillis(500) : otherDelay;
        deadLetterRefresh = deadLetterRefresh == null ? Duration.ofSeconds(30) : deadLetterRefresh;
    }
}
