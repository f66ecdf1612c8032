package io.hoithao.identity.user;

import io.hoithao.platform.security.Role;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who can sign in, in the {@code users} collection. The email is the user name, stored
 * trimmed and in lower case, and unique (an index decides, so two sign-ups racing for one address
 * cannot both win). Only the password's hash is kept ({@code {bcrypt}...}).
 *
 * @param unit          the name of the person's unit as recorded when it was set (the tokens show the directory's
 *                      current name instead when the unit has an id); organisers must have a unit
 * @param unitId        the id, in the units directory, of the unit the person belongs to: set by an administrator or
 *                      by an organiser of that unit or one above it (also by confirming her request); the tokens'
 *                      {@code unit_id}, what every service's rights and counts use
 * @param requestedUnit   the unit she typed at sign-up (for whoever confirms her unit to read); no rights
 * @param requestedUnitId the unit of the directory she chose at sign-up: only a request until confirmed
 * @param emailVerified whether the person showed they own the address (the link sent at sign-up, or an
 *                      administrator); the tokens' {@code email_verified}. A document written before this
 *                      field existed reads as {@code false}
 * @param verification  the pending verification link of a sign-up (only its hash), {@code null} once used
 */
@Document(UserAccount.COLLECTION)
public record UserAccount(@Id String id, String email, String passwordHash, String fullName, String unit,
        Set<Role> roles, Instant createdAt, boolean emailVerified, PendingVerification verification, String unitId,
        String requestedUnit, String requestedUnitId) {

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
