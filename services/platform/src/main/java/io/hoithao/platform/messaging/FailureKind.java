package io.hoithao.platform.messaging;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.hoithao.contracts.MessageDecodingException;
import jakarta.validation.ValidationException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.ExceptionClassifier;

/**
 * What a consumer's failure says about the message, which decides what happens to it: a message that
 * can never be applied goes to the dead-letter topic at once; one that met an outage (the database
 * electing a primary or unreachable, the broker unavailable, a call timing out) is retried with back-off
 * for minutes; anything else (a bug) is retried a few times and then dead-lettered, to be replayed once
 * it is fixed.
 */
public enum FailureKind {

    /** Undecodable or invalid: no retry can succeed. */
    PERMANENT,
    /** An outage of something the handler needs; retrying later succeeds. */
    TRANSIENT,
    /** Neither: most likely a bug in the handler. */
    OTHER;

    /** Exception types that mean the message itself is at fault. */
    static final Set<Class<? extends Exception>> PERMANENT_TYPES = Set.of(MessageDecodingException.class, ValidationException.class);

    /** Error labels the MongoDB driver and server put on failures a retry gets past. */
    private static final Set<String> RETRYABLE_LABELS = Set.of("RetryableWriteError", "TransientTransactionError",
            "ResumableChangeStreamError", "SystemOverloadedError");

    /**
     * Types the listener container never retries, whatever we configure: its own defaults (a record it could
     * not deserialize or convert, a listener method it could not call) and ours. A failure holding one of them
     * anywhere among its causes is not retried, so it is {@link #PERMANENT} even when a cause beneath it
     * looks like an outage (a conversion that failed on Jackson's {@code IOException}).
     */
    static final List<Class<? extends Throwable>> NOT_RETRYABLE_TYPES = Stream.concat(
            ExceptionClassifier.defaultFatalExceptionsList().stream(), PERMANENT_TYPES.stream()).toList();

    /**
     * Classifies a failure by the exception and its causes: permanent if any of them is of a type that is
     * never retried (as the container decides), otherwise the first cause that tells decides.
     */
    public static FailureKind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            for (Class<? extends Throwable> type : NOT_RETRYABLE_TYPES) {
                if (type.isInstance(t)) {
                    return PERMANENT;
                }
            }
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (transientOutage(t)) {
                return TRANSIENT;
            }
        }
        return OTHER;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }

    private static boolean transientOutage(Throwable t) {
        if (t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException
                || t instanceof MongoSocketException || t instanceof MongoTimeoutException
                || t instanceof MongoExecutionTimeoutException || t instanceof MongoServerUnavailableException
                || t instanceof MongoConnectionPoolClearedException) {
            return true;
        }
        if (t instanceof MongoException mongo && mongo.getErrorLabels().stream().anyMatch(RETRYABLE_LABELS::contains)) {
            return true;
        }
        return t instanceof TimeoutException || t instanceof IOException
                || t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                || t instanceof RetriableException;
    }
}
