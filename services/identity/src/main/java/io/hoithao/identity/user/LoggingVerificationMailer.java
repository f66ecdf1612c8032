package io.hoithao.identity.user;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * DEVELOPMENT ONLY, and only with {@code hoithao.identity.verification-mail=log}: "sends" the verification
 * email by logging its link at INFO. The default is the outbox (the notifications service mails it).
 * Anyone who can read the log can verify any address that signs up: never in production.
 */
@Component
@ConditionalOnProperty(name = "hoithao.identity.verification-mail", havingValue = "log")
public class LoggingVerificationMailer implements VerificationMailer {

    private static final Logger log = LoggerFactory.getLogger(LoggingVerificationMailer.class);

    @Override
    public void sendVerificationLink(String email, String fullName, URI link) {
        log.info("Verification link for {}: {}", email, link);
    }
}
