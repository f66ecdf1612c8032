package io.hoithao.contracts.identity;

import io.hoithao.contracts.IntegrationMessage;

/**
 * Messages of the identity service (topic {@code hoithao.identity}): what it asks the notifications
 * service to mail. They concern a person, not a conference event: their {@code eventId} (the record
 * key) is always {@link #NO_EVENT}.
 */
public sealed interface IdentityMessage extends IntegrationMessage
        permits EmailVerificationRequested, PasswordResetRequested {

    /** The {@code eventId} of every identity message. */
    String NO_EVENT = "-";
}
