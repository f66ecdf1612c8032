package io.hoithao.devstack;

/**
 * A problem the person starting the stack can act on (a missing jar, a busy port, a service that
 * died on start-up). {@link DevStack#main} prints only the message, never a stack trace.
 */
public class DevStackException extends RuntimeException {

    public DevStackException(String message) {
        super(message);
    }

    public DevStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
