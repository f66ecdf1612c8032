package io.hoithao.presentations.paper;

/**
 * Who makes a submitter's request. Interim, until sign-in exists: the delegate names their registration
 * id and email in the {@value #REGISTRATION_HEADER} and {@value #EMAIL_HEADER} headers, checked against
 * the registrations projection. The later identity issue replaces only how a {@code Caller} is built.
 */
public record Caller(String registrationId, String email) {

    public static final String REGISTRATION_HEADER = "X-Registration-Id";
    public static final String EMAIL_HEADER = "X-Delegate-Email";
}
