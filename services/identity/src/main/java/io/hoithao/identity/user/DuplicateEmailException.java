package io.hoithao.identity.user;

/** Someone already has this email address (the unique index said so). */
public class DuplicateEmailException extends RuntimeException {

    private final String email;

    public DuplicateEmailException(String email, Throwable cause) {
        super("A user with email " + email + " already exists", cause);
        this.email = email;
    }

    public String email() {
        return email;
    }
}
