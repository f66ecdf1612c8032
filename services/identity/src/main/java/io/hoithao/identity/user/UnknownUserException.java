package io.hoithao.identity.user;

/** No user has this email address. */
public class UnknownUserException extends RuntimeException {

    public UnknownUserException(String email) {
        super("No user with email " + email);
    }
}
