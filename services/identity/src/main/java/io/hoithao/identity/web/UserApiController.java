package io.hoithao.identity.web;

import io.hoithao.identity.user.Role;
import io.hoithao.identity.user.SignUpService;
import io.hoithao.identity.user.UnknownUserException;
import io.hoithao.identity.user.UserAccount;
import io.hoithao.identity.user.UserDirectory;
import io.hoithao.identity.user.UserView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The user API: anyone signs up as a delegate (unverified); a signed-in user reads themselves; an
 * administrator lists users, sets their roles and verifies their email (who may call what is decided in {@code SecurityConfig}).
 */
@RestController
@RequestMapping(path = "/api/identity/users", produces = MediaType.APPLICATION_JSON_VALUE)
public class UserApiController {

    private final UserDirectory users;
    private final SignUpService signUps;

    public UserApiController(UserDirectory users, SignUpService signUps) {
        this.users = users;
        this.signUps = signUps;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<UserView> signUp(@Valid @RequestBody SignUpRequest request) {
        UserAccount user = signUps.signUp(request.email(), request.password(), request.fullName(), request.unit());
        URI location = UriComponentsBuilder.fromPath("/api/identity/users/{email}").buildAndExpand(user.email()).encode().toUri();
        return ResponseEntity.created(location).body(UserView.of(user));
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
        if (roles.contains(Role.ORGANISER) && request.unit() == null) {
            throw invalid("unit", "is required for an organiser (the unit whose events they run)");
        }
        return UserView.of(users.changeRoles(email, roles, request.unit()));
    }

    /** An administrator vouches for the person's address: {@code email_verified} is true in their next token. */
    @PostMapping("/{email}/verification")
    public UserView verify(@PathVariable String email) {
        return UserView.of(users.markVerified(email));
    }

    private static Role role(String name, String field) {
        return Role.fromName(name).orElseThrow(() -> invalid(field, "is not a role; known roles: " + Role.known()));
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request",
                "The request has 1 invalid field(s)").with("errors", List.of(ApiExceptionHandler.fieldError(field, message)));
    }
}
