package io.hoithao.identity.web;

import io.hoithao.identity.unit.KnownUnits;
import io.hoithao.identity.user.SignUpService;
import io.hoithao.identity.user.UserAccount;
import io.hoithao.identity.user.UserView;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * An administrator makes a verified delegate's account for someone (admins only, see {@code SecurityConfig}):
 * the only way an address is verified without its mailbox answering, because the administrator, not a
 * stranger, chose it. Body as the sign-up's; 201 and the user; an address that has a user: 409.
 */
@RestController
@RequestMapping(path = "/api/identity/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
public class AccountsApiController {

    private final SignUpService signUps;
    private final KnownUnits units;

    public AccountsApiController(SignUpService signUps, KnownUnits units) {
        this.signUps = signUps;
        this.units = units;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<UserView> create(@Valid @RequestBody SignUpRequest request) {
        // The administrator vouches for the person's unit as for her address: a unit of the directory is hers at once.
        String unit = request.unitId() == null ? request.unit()
                : UserApiController.knownUnit(units, request.unitId(), "unitId").officialName();
        UserAccount user = signUps.createForSomeone(request.email(), request.password(), request.fullName(), unit, request.unitId());
        URI location = UriComponentsBuilder.fromPath("/api/identity/users/{email}").buildAndExpand(user.email()).encode().toUri();
        return ResponseEntity.created(location).body(UserView.of(user));
    }
}
