package io.hoithao.web;

/** The API answered 404: the page says the thing was not found. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
