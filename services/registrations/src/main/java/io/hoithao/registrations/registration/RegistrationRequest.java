package io.hoithao.registrations.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A delegate registering for an event on behalf of a unit of the directory ({@code unitId}; {@code unit}, its
 * name, is only read when this service does not know the unit's name yet). These are all the fields a client sets: the status,
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
        @Size(max = 200) String unit,
        @Pattern(regexp = UNIT_ID, message = "must be the id of a unit of the directory") String unitId,
        @Size(max = 200) String position,
        @NotNull DelegateCategory category,
        @Size(max = 1000) String note) {

    /** What a unit id looks like (the directory's are UUIDs): letters, digits and dashes, so also a safe field name. */
    public static final String UNIT_ID = "[A-Za-z0-9-]{1,64}";

    /** The same request for this email address (the caller's own, as their token says it). */
    public RegistrationRequest forEmail(String ownerEmail) {
        return new RegistrationRequest(eventId, fullName, ownerEmail, phone, unit, unitId, position, category, note);
    }

    /**
     * The same request for this unit of the directory, whatever the body says (a delegate registering herself
     * registers for her own confirmed unit, a unit's contact for her unit).
     */
    public RegistrationRequest forUnit(String unitName, String someUnitId) {
        return new RegistrationRequest(eventId, fullName, email, phone, unitName, someUnitId, position, category, note);
    }
}
