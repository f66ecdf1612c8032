package io.hoithao.identity.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hoithao.platform.security.Role;
import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password hash nor a verification token's. Roles in lower case, sorted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserView(String id, String email, String fullName, String unit, List<String> roles, Instant createdAt,
        boolean emailVerified, String unitId, String requestedUnit, String requestedUnitId) {

    public static UserView of(UserAccount user) {
        return new UserView(user.id(), user.email(), user.fullName(), user.unit(),
                user.roles().stream().sorted().map(Role::claimValue).toList(), user.createdAt(),
                user.emailVerified(), user.unitId(), user.requestedUnit(), user.requestedUnitId());
    }
}
