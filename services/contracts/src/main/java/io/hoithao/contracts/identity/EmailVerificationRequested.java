package io.hoithao.contracts.identity;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A person signed up (or an administrator asked for a new link): the notifications service mails her
 * {@code link}, which verifies {@code email} until {@code expiresAt}. The link carries a secret: a consumer
 * must not log it. {@code eventId} is always {@link IdentityMessage#NO_EVENT}.
 */
@MessageType("identity.EmailVerificationRequested.v1")
public record EmailVerificationRequested(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String email,
        String fullName,
        String link,
        Instant expiresAt) implements IdentityMessage {

    public EmailVerificationRequested {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(email, "email");
        text(fullName, "fullName");
        text(link, "link");
        present(expiresAt, "expiresAt");
    }
}
