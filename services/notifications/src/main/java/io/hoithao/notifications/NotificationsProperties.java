package io.hoithao.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from           the sender of every mail
 * @param dispatchInterval how often due deliveries are looked for
 * @param lease          how long an instance holds a delivery it is sending before another may try it
 * @param backOffInitial the wait after the first failed attempt; doubled after each further one
 * @param backOffMax     the longest wait between two attempts
 * @param maxAttempts    attempts before a delivery is given up as FAILED
 * @param gatherWindow   how long programme changes for one person are gathered into one mail
 * @param reminderLead   how long before an event day starts (in the event's zone) its reminder goes
 * @param reminderInterval how often due reminders are looked for
 * @param publicUrl      where people reach the suite (the gateway): the base of the one-link opt-out
 * @param unsubscribeSecret the key that signs opt-out links, so that nobody turns off another's reminders
 */
@ConfigurationProperties("hoithao.notifications")
public record NotificationsProperties(String from, Duration dispatchInterval, Duration lease,
                                      Duration backOffInitial, Duration backOffMax, int maxAttempts,
                                      Duration gatherWindow, Duration reminderLead, Duration reminderInterval,
                                      String publicUrl, String unsubscribeSecret) {
}
