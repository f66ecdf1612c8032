package io.hoithao.identity.user;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who can sign in, in the {@code users} collection. The email is the user name, stored
 * trimmed and in lower case, and unique (an index decides, so two sign-ups racing for one address
 * cannot both win). Only the password's hash is kept ({@code {bcrypt}...}).
 *
 * @param unit          the unit (school, office, department) the person belongs to; organisers must have one
 * @param emailVerified whether the person showed they own the address (the link sent at sign-up, or an
 *                      administrator); the tokens' {@code email_verified}. A document written before this
 *                      field existed reads as {@code false}
 * @param verification  the pending verification link of a sign-up (only its hash), {@code null} once used
 */
@Document(UserAccount.COLLECTION)
public record UserAccount(@Id String id, String email, String passwordHash, String fullName, String unit,
        Set<Role> roles, Instant createdAt, boolean emailVerified, PendingVerification verification) {

    public static final String COLLECTION = "users";

    public UserAccount {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /**
     * A verification link not used yet: the SHA-256 (hex) of its random token, never the token itself,
     * and when it stops working.
     */
    public record PendingVerification(String tokenHash, Instant expiresAt) {
    }
}
