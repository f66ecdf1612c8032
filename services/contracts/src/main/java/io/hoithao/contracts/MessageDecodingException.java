package io.hoithao.contracts;

/** A message could not be read: unknown type, malformed JSON or a missing or invalid field. */
public class MessageDecodingException extends RuntimeException {

    public MessageDecodingException(String message) {
        super(message);
    }

    public MessageDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
