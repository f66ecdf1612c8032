package io.hoithao.identity.user;

import io.hoithao.identity.IdentityProperties;
import io.hoithao.platform.security.Role;
import java.net.URI;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A delegate's self sign-up, by the API or the page, and what an administrator may do about an address.
 *
 * <p>Anyone can type anyone's address, so a sign-up proves nothing until the mailbox answers: it stores an
 * unverified user and mails the link ({@code {issuer}/verify-email?token=...}) where the mailbox's owner
 * confirms the address and chooses the password. The caller learns nothing about the address: a sign-up for
 * an address that has an unverified user only mails a new link, and one for a verified account mails its
 * owner a password reset link instead ({@link AccountReminder}); the answer is the same in all three cases.
 */
@Service
public class SignUpService {

    private static final Logger log = LoggerFactory.getLogger(SignUpService.class);

    private final UserDirectory users;
    private final VerificationMailer mailer;
    private final AccountReminder reminder;
    private final String issuer;

    public SignUpService(UserDirectory users, VerificationMailer mailer, AccountReminder reminder, IdentityProperties properties) {
        this.users = users;
        this.mailer = mailer;
        this.reminder = reminder;
        this.issuer = properties.issuer();
    }

    /** Signs up, or mails the address's owner; the caller cannot tell which (see the class comment). */
    public void signUp(String email, String rawPassword, String fullName, String unit, String unitId, String language) {
        UserDirectory.SignUp signUp = users.signUp(email, rawPassword, fullName, unit, unitId, EnumSet.of(Role.DELEGATE));
        if (signUp.outcome() == UserDirectory.SignUp.Outcome.ALREADY_VERIFIED) {
            reminder.remind(Emails.normalise(email), language);
        } else {
            send(signUp);
        }
    }

    /**
     * An administrator's "verify": never a verified address on their word for an account somebody signed up
     * for (it may be a squatter's), but a new link to the address, whose owner then confirms it and chooses
     * the password. A verified user is left as is.
     *
     * @throws UnknownUserException when no user has the email
     */
    public UserAccount sendVerificationAgain(String email) {
        return users.renewLink(email).map(renewed -> {
            send(renewed);
            return renewed.user();
        }).orElseGet(() -> users.find(email).orElseThrow(() -> new UnknownUserException(Emails.normalise(email))));
    }

    /**
     * An administrator makes an account for someone they know: verified at once (the administrator vouches for
     * the address and hands over the password, which its owner can replace with "forgot password").
     *
     * @throws DuplicateEmailException when the email is taken
     */
    public UserAccount createForSomeone(String email, String rawPassword, String fullName, String unit, String unitId) {
        return users.createVerified(email, rawPassword, fullName, unit, unitId, EnumSet.of(Role.DELEGATE));
    }

    private void send(UserDirectory.SignUp signUp) {
        UserAccount user = signUp.user();
        // The token is base64url: nothing in it needs escaping in a query string.
        URI link = URI.create(issuer + "/verify-email?token=" + signUp.verificationToken());
        try {
            mailer.sendVerificationLink(user.email(), user.fullName(), link);
        } catch (RuntimeException e) {
            // The user exists either way; a new sign-up or an administrator sends a new link.
            log.warn("Could not send the verification link to {}", user.email(), e);
        }
    }
}
