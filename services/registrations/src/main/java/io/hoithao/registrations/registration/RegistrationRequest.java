package io.hoithao.registrations.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A delegate registering for an event on behalf of a unit. These are all the fields a client sets: the status,
 * confirmation code, id, seats and messages are the service's, and the owner is the person the email names
 * (for a delegate registering themself, the email of their token).
 */
public record RegistrationRequest(
        @NotBlank @Size(max = 100) String eventId,
        @NotBlank @Size(max = 200)
        @Pattern(regexp = "^[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]*$", message = "must be a person's name (letters, spaces, . ' -)")
        String fullName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = PhoneNumbers.PATTERN, message = PhoneNumbers.MESSAGE) String phone,
        @NotBlank @Size(max = 200) String unit,
        @Size(max = 200) String position,
        @NotNull DelegateCategory category,
        @Size(max = 1000) String note) {

    /** The same request for this email address (the caller's own, as their token says it). */
    public RegistrationRequest forEmail(String ownerEmail) {
        return new RegistrationRequest(eventId, fullName, ownerEmail, phone, unit, position, category, note);
    }

    /** The same request for this unit (a unit's contact registers for her own unit, whatever the body says). */
    public RegistrationRequest forUnit(String delegationUnit) {
        return new RegistrationRequest(eventId, fullName, email, phone, delegationUnit, position, category, note);
    }
}
