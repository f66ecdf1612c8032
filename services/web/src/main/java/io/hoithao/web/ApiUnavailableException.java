package io.hoithao.web;

/** An API answered 5xx, or could not be reached in time: the page shows the friendly error page. */
public class ApiUnavailableException extends RuntimeException {

    public ApiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
