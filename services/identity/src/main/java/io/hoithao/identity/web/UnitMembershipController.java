package io.hoithao.identity.web;

import io.hoithao.identity.unit.KnownUnits;
import io.hoithao.identity.user.Emails;
import io.hoithao.identity.user.UnknownUserException;
import io.hoithao.identity.user.UserAccount;
import io.hoithao.identity.user.UserDirectory;
import io.hoithao.identity.user.UserView;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemTypes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who belongs to which unit. A person's unit is set, and a unit requested at sign-up confirmed or rejected, by an
 * administrator or by an organiser of that unit or of a unit above it in the directory (administrators and
 * organisers only, see {@code SecurityConfig}; the unit checks here). The organiser's own unit is read from her
 * account, not from her token, so a unit changed since her sign-in counts at once.
 */
@RestController
public class UnitMembershipController {

    private final UserDirectory users;
    private final KnownUnits units;

    public UnitMembershipController(UserDirectory users, KnownUnits units) {
        this.users = users;
        this.units = units;
    }

    /** The new unit of a person. */
    public record UnitRequest(@NotBlank(message = "is required") @Size(max = 64, message = "is longer than 64 characters") String unitId) {
    }

    /** A decision on a person's request: {@code confirm} or {@code reject}, for the unit she requested. */
    public record Decision(
            @NotBlank(message = "is required") @Pattern(regexp = "confirm|reject", message = "must be confirm or reject") String decision,
            @NotBlank(message = "is required") @Size(max = 64, message = "is longer than 64 characters") String unitId) {
    }

    @PutMapping(path = "/api/identity/users/{email}/unit", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public UserView setUnit(@PathVariable String email, @Valid @RequestBody UnitRequest request, @AuthenticationPrincipal Jwt token) {
        KnownUnits.KnownUnit unit = UserApiController.knownUnit(units, request.unitId(), "unitId");
        requireAuthorityOver(token, unit.id());
        users.find(email).orElseThrow(() -> new UnknownUserException(Emails.normalise(email)));
        return UserView.of(users.setUnit(email, unit.id(), unit.officialName()));
    }

    /** The requests an administrator (all) or an organiser (those for her unit and the units below it) may decide. */
    @GetMapping(path = "/api/identity/unit-requests", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<UserView> pending(@AuthenticationPrincipal Jwt token) {
        UserAccount caller = caller(token);
        if (caller.roles().contains(Role.ADMIN)) {
            return users.unitRequests(null).stream().map(UserView::of).toList();
        }
        if (caller.unitId() == null) {
            return List.of();
        }
        return users.unitRequests(null).stream()
                .filter(user -> units.within(user.requestedUnitId(), caller.unitId()))
                .map(UserView::of).toList();
    }

    /**
     * Confirms or rejects a person's request for a unit. The body names the unit decided on, so a request replaced
     * meanwhile is not confirmed by a decision about another one (409).
     */
    @PostMapping(path = "/api/identity/unit-requests/{email}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public UserView decide(@PathVariable String email, @Valid @RequestBody Decision decision, @AuthenticationPrincipal Jwt token) {
        UserAccount person = users.find(email).orElseThrow(() -> new UnknownUserException(Emails.normalise(email)));
        KnownUnits.KnownUnit unit = UserApiController.knownUnit(units, decision.unitId(), "unitId");
        requireAuthorityOver(token, unit.id());
        boolean confirm = "confirm".equals(decision.decision());
        return users.settleUnitRequest(person.email(), unit.id(), confirm, unit.officialName()).map(UserView::of)
                .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "no-unit-request", "No such request",
                        person.email() + " has no pending request for unit " + unit.id()).with("unitId", unit.id()));
    }

    private UserAccount caller(Jwt token) {
        return users.find(token.getSubject()).orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "Forbidden", "Your account is gone"));
    }

    /** An administrator, or an organiser whose own unit is this unit or one above it. */
    private void requireAuthorityOver(Jwt token, String unitId) {
        UserAccount caller = caller(token);
        if (caller.roles().contains(Role.ADMIN)) {
            return;
        }
        if (!caller.roles().contains(Role.ORGANISER) || caller.unitId() == null || !units.within(unitId, caller.unitId())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                    "Only an administrator, or an organiser of unit " + unitId + " or of a unit above it, decides who belongs to it")
                    .with("unitId", unitId);
        }
    }
}
