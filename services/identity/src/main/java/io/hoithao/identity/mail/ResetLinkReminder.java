package io.hoithao.identity.mail;

import io.hoithao.identity.user.AccountReminder;
import org.springframework.stereotype.Component;

/**
 * The reminder for a sign-up with a verified address is the password reset mail: its owner learns she has
 * an account and gets the way back into it. It counts as a reset request (one per address per
 * {@code password-reset-interval}), so sign-ups cannot flood her inbox either.
 */
@Component
class ResetLinkReminder implements AccountReminder {

    private final PasswordResets resets;

    ResetLinkReminder(PasswordResets resets) {
        this.resets = resets;
    }

    @Override
    public void remind(String email, String language) {
        resets.request(email, language);
    }
}
