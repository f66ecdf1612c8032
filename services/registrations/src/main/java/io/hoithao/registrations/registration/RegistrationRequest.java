package io.hoithao.registrations.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A delegate registering for an event on behalf of a unit. */
public record RegistrationRequest(
        @NotBlank @Size(max = 100) String eventId,
        @NotBlank @Size(max = 200) String fullName,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = "^(\\+84|0)(3|5|7|8|9)[0-9]{8}$", message = "must be a Vietnamese mobile number such as 0912345678 or +84912345678")
        String phone,
        @NotBlank @Size(max = 200) String unit,
        @Size(max = 200) String position,
        @NotNull DelegateCategory category,
        @Size(max = 1000) String note) {
}
