package io.hoithao.identity.user;

import java.net.URI;

/**
 * Sends a person the link that verifies their email address ({@code {issuer}/verify-email?token=...}).
 *
 * <p>This is the extension point for a real sender. The default, {@link LoggingVerificationMailer},
 * only writes the link to the log, because there is no mail server here; in production provide a
 * bean of this type that sends an email (SMTP, a mail API...) and mark it {@code @Primary}. The link
 * carries a secret: a sender must not log it at a level that is kept.
 *
 * <p>Called after the user has been stored. A sender that fails should throw: the sign-up still
 * succeeds (the failure is logged), and an administrator can verify the person instead.
 */
public interface VerificationMailer {

    void sendVerificationLink(String email, String fullName, URI link);
}
