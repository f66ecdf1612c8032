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
 * @param unit the unit (school, office, department) the person belongs to; organisers must have one
 */
@Document(UserAccount.COLLECTION)
public record UserAccount(@Id String id, String email, String passwordHash, String fullName, String unit,
        Set<Role> roles, Instant createdAt) {

    public static final String COLLECTION = "users";

    public UserAccount {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    UserAccount withRoles(Set<Role> newRoles, String newUnit) {
        return new UserAccount(id, email, passwordHash, fullName, newUnit, newRoles, createdAt);
    }
}
