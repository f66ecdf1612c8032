package io.hoithao.identity.user;

import io.hoithao.identity.IdentityProperties;
import java.net.URI;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A delegate's self sign-up, by the API or the page: an unverified user, and the verification link
 * ({@code {issuer}/verify-email?token=...}) handed to the {@link VerificationMailer}.
 */
@Service
public class SignUpService {

    private static final Logger log = LoggerFactory.getLogger(SignUpService.class);

    private final UserDirectory users;
    private final VerificationMailer mailer;
    private final String issuer;

    public SignUpService(UserDirectory users, VerificationMailer mailer, IdentityProperties properties) {
        this.users = users;
        this.mailer = mailer;
        this.issuer = properties.issuer();
    }

    /**
     * @throws DuplicateEmailException when the email is taken
     */
    public UserAccount signUp(String email, String rawPassword, String fullName, String unit) {
        UserDirectory.SignUp signUp = users.signUp(email, rawPassword, fullName, unit, EnumSet.of(Role.DELEGATE));
        UserAccount user = signUp.user();
        // The token is base64url: nothing in it needs escaping in a query string.
        URI link = URI.create(issuer + "/verify-email?token=" + signUp.verificationToken());
        try {
            mailer.sendVerificationLink(user.email(), user.fullName(), link);
        } catch (RuntimeException e) {
            // The user exists either way; an administrator can verify them (POST .../{email}/verification).
            log.warn("Could not send the verification link to {}", user.email(), e);
        }
        return user;
    }
}
