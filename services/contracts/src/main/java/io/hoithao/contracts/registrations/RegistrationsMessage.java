package io.hoithao.contracts.registrations;

import io.hoithao.contracts.IntegrationMessage;

/** What the registrations service tells the others, on topic {@code hoithao.registrations}. */
public sealed interface RegistrationsMessage extends IntegrationMessage
        permits RegistrationConfirmed,
                RegistrationWaitlisted,
                RegistrationPromoted,
                RegistrationCancelled,
                DelegateCheckedIn,
                RegistrationPendingApproval,
                RegistrationRejected {
}
