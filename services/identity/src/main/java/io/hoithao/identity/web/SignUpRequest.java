package io.hoithao.identity.web;

import io.hoithao.identity.user.Emails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A delegate's self sign-up. Only these five fields exist: a body with any other ({@code roles},
 * {@code id}...) is refused whole, so nobody can give themselves a role. Email is trimmed and
 * lower-cased (then it must be plain ASCII: {@code bınh@...} with a dotless ı passes {@code @Email}
 * but is refused, as look-alike letters would let one person pass for another), names and unit
 * trimmed (an empty unit is none), the password kept as typed. {@code unit} (what she types) and {@code unitId} (a
 * unit of the directory) are only her request: her unit is hers once an administrator or an organiser of that unit
 * or one above it confirms it; when an administrator makes the account, {@code unitId} is her unit at once.
 */
public record SignUpRequest(
        @NotBlank(message = "is required") @Email(message = "is not an email address")
        @Pattern(regexp = "\\p{ASCII}*", message = "must contain only ASCII characters (no accents, no look-alike letters)") @Size(max = 254, message = "is longer than 254 characters") String email,
        @NotNull(message = "is required") @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
        @NotBlank(message = "is required") @Size(max = 200, message = "is longer than 200 characters") String fullName,
        @Size(max = 200, message = "is longer than 200 characters") String unit,
        @Size(max = 64, message = "is longer than 64 characters") String unitId) {

    public SignUpRequest(String email, String password, String fullName, String unit) {
        this(email, password, fullName, unit, null);
    }

    public SignUpRequest {
        email = Emails.normalise(email);
        fullName = fullName == null ? null : fullName.strip();
        unit = unit == null || unit.isBlank() ? null : unit.strip();
        unitId = unitId == null || unitId.isBlank() ? null : unitId.strip();
    }
}
