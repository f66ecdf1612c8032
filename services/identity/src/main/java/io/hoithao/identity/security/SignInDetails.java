package io.hoithao.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What a form sign-in remembers besides the user: when it happened. Tokens are made from it for as long as
 * the session or the site's refresh token lasts; one made before the password was last set by proving the
 * mailbox (the verification link, a password reset) is not trusted with more tokens (see {@code AuthorizationServerConfig#tokenClaims}).
 */
final class SignInDetails extends WebAuthenticationDetails {

    private static final long serialVersionUID = 1L;

    private final Instant signedInAt;

    SignInDetails(HttpServletRequest request) {
        super(request);
        this.signedInAt = Instant.now();
    }

    Instant signedInAt() {
        return signedInAt;
    }
}
