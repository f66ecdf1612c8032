package io.hoithao.contracts.identity;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A person asked to choose a new password: the notifications service mails her {@code link}, which lets
 * her set one once, until {@code expiresAt}. {@code language} is the language of the page she asked from
 * ({@code vi} or {@code en}), {@code null} when not known; a language she chose in notifications wins.
 * The link carries a secret: a consumer must not log it. {@code eventId} is always {@link IdentityMessage#NO_EVENT}.
 */
@MessageType("identity.PasswordResetRequested.v1")
public record PasswordResetRequested(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String email,
        String fullName,
        String language,
        String link,
        Instant expiresAt) implements IdentityMessage {

    public PasswordResetRequested {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(email, "email");
        text(fullName, "fullName");
        text(link, "link");
        present(expiresAt, "expiresAt");
    }
}
