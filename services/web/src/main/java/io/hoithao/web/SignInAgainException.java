package io.hoithao.web;

/** The API refused her token (401): the page sends her through the sign-in again. */
public class SignInAgainException extends RuntimeException {

    public SignInAgainException() {
        super("The API refused the signed-in person's token");
    }
}
