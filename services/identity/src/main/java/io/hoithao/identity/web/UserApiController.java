package io.hoithao.identity.web;

import io.hoithao.identity.throttle.Throttles;
import io.hoithao.identity.unit.KnownUnits;
import io.hoithao.identity.user.SignUpService;
import io.hoithao.identity.user.UnknownUserException;
import io.hoithao.identity.user.UserAccount;
import io.hoithao.identity.user.UserDirectory;
import io.hoithao.identity.user.UserView;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The user API: anyone signs up as a delegate (unverified); a signed-in user reads themselves; an
 * administrator lists users, sets their roles and has the verification link sent again (who may call what is
 * decided in {@code SecurityConfig}). An administrator's accounts for people: {@link AccountsApiController}.
 */
@RestController
@RequestMapping(path = "/api/identity/users", produces = MediaType.APPLICATION_JSON_VALUE)
public class UserApiController {

    private final UserDirectory users;
    private final SignUpService signUps;
    private final Throttles throttles;
    private final KnownUnits units;

    public UserApiController(UserDirectory users, SignUpService signUps, Throttles throttles, KnownUnits units) {
        this.users = users;
        this.signUps = signUps;
        this.throttles = throttles;
        this.units = units;
    }

    /**
     * Self sign-up: 202 and the same body whatever the address (new, unverified or verified), so nobody
     * learns which addresses have accounts; the mailbox gets the link or, for an existing account, a reset link.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SignUpAccepted> signUp(@Valid @RequestBody SignUpRequest request, HttpServletRequest http) {
        throttles.signUp(http.getRemoteAddr(), request.email());
        if (request.unitId() != null) {
            knownUnit(units, request.unitId(), "unitId");
        }
        signUps.signUp(request.email(), request.password(), request.fullName(), request.unit(), request.unitId(), null);
        return ResponseEntity.accepted().body(SignUpAccepted.of(request.email()));
    }

    /** The answer to every valid sign-up: nothing about whether the address had an account. */
    record SignUpAccepted(String email, String next) {

        static SignUpAccepted of(String email) {
            return new SignUpAccepted(email, "Open the link mailed to this address to confirm it and choose your password;"
                    + " if it already has an account, the mail says so and holds a password reset link instead");
        }
    }

    @GetMapping("/me")
    public UserView me(@AuthenticationPrincipal Jwt token) {
        return users.find(token.getSubject()).map(UserView::of).orElseThrow(() -> new UnknownUserException(token.getSubject()));
    }

    @GetMapping
    public UsersPage list(@RequestParam(required = false) String role,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "must be 1 to 200") @Max(value = 200, message = "must be 1 to 200") int size) {
        Role wanted = role == null || role.isBlank() ? null : role(role, "role");
        List<UserView> items = users.list(wanted, page, size).stream().map(UserView::of).toList();
        return new UsersPage(items, page, size, users.count(wanted));
    }

    @GetMapping("/{email}")
    public UserView one(@PathVariable String email) {
        return users.find(email).map(UserView::of).orElseThrow(() -> new UnknownUserException(email));
    }

    @PutMapping(path = "/{email}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    public UserView changeRoles(@PathVariable String email, @Valid @RequestBody RolesRequest request) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < request.roles().size(); i++) {
            roles.add(role(request.roles().get(i), "roles[" + i + "]"));
        }
        if (roles.contains(Role.ORGANISER) && request.unit() == null && request.unitId() == null) {
            throw invalid("unit", "is required for an organiser (the unit whose events they run)");
        }
        String unit = request.unitId() == null ? request.unit() : knownUnit(units, request.unitId(), "unitId").officialName();
        return UserView.of(users.changeRoles(email, roles, unit, request.unitId()));
    }

    /**
     * An administrator's "verify" of an account someone signed up for: a new link to the address (202 and the
     * user, still unverified), never the address verified on their word; a verified user: 200, no change.
     */
    @PostMapping("/{email}/verification")
    public ResponseEntity<UserView> verify(@PathVariable String email) {
        UserAccount user = signUps.sendVerificationAgain(email);
        return ResponseEntity.status(user.emailVerified() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(UserView.of(user));
    }

    private static Role role(String name, String field) {
        return Role.fromName(name).orElseThrow(() -> invalid(field, "is not a role; known roles: " + Role.known()));
    }

    /** The unit of the directory with this id, or a 400 naming the field: an id the directory does not have is nobody's unit. */
    static KnownUnits.KnownUnit knownUnit(KnownUnits units, String unitId, String field) {
        return units.find(unitId).orElseThrow(() -> invalid(field, "is not the id of a unit of the directory (GET /api/events/units)"));
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                "The request has 1 invalid field(s)").with("errors", List.of(ApiExceptionHandler.fieldError(field, message)));
    }
}
