package io.hoithao.identity.user;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * DEVELOPMENT ONLY: "sends" the verification email by logging its link at INFO, since there is no
 * mail server here. Anyone who can read the log can verify any address that signs up: in production
 * replace it with a real {@link VerificationMailer} (a {@code @Primary} bean).
 */
@Component
public class LoggingVerificationMailer implements VerificationMailer {

    private static final Logger log = LoggerFactory.getLogger(LoggingVerificationMailer.class);

    @Override
    public void sendVerificationLink(String email, String fullName, URI link) {
        log.info("Verification link for {}: {}", email, link);
    }
}
