package io.hoithao.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import io.hoithao.contracts.MessageDecodingException;
import jakarta.validation.ValidationException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ExceptionClassifier;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.support.GenericMessage;

class FailureKindTest {

    static RuntimeException wrapped(Throwable cause) {
        return new MessageHandlingException(new GenericMessage<>("payload"), "handler failed", cause);
    }

    @Test
    void aMessageThatCannotBeReadOrIsInvalidIsPermanentWhateverWrapsIt() {
        assertThat(FailureKind.of(wrapped(new MessageDecodingException("malformed", new IllegalArgumentException("x")))))
                .isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKind.of(wrapped(new ValidationException("invalid unit")))).isEqualTo(FailureKind.PERMANENT);
    }

    @Test
    void whatTheContainerNeverRetriesIsPermanentEvenOverAnIOException() {
        // A payload Jackson could not read: the converter wraps Jackson's exception, an IOException.
        IOException jackson = new IOException("Unexpected character ('}' (code 125))");
        assertThat(FailureKind.of(wrapped(new MessageConversionException("Could not read JSON", jackson))))
                .isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKind.of(new ListenerExecutionFailedException("listener failed",
                new DeserializationException("bad record", new byte[] {1}, false, jackson)))).isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKind.of(wrapped(new ConversionException("no converter", jackson)))).isEqualTo(FailureKind.PERMANENT);
        // the container agrees: it does not retry them
        DefaultErrorHandler handler = new DefaultErrorHandler();
        assertThat(FailureKind.NOT_RETRYABLE_TYPES).containsAll(ExceptionClassifier.defaultFatalExceptionsList());
        assertThat(handler.removeClassification(MessageConversionException.class)).isFalse();
    }

    @Test
    void anElectionAnUnreachableDatabaseOrATimeoutIsTransient() {
        ServerAddress server = new ServerAddress("127.0.0.1", 27017);
        assertThat(FailureKind.of(wrapped(new DataAccessResourceFailureException("write failed",
                new MongoNotPrimaryException(BsonDocument.parse("{ok: 0, code: 10107, errmsg: 'not primary'}"), server)))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(wrapped(new MongoSocketReadException("Prematurely reached end of stream", server))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(wrapped(new MongoTimeoutException("no server")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(wrapped(new RuntimeException(new TimeoutException("30 s"))))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(wrapped(new IOException("Connection refused")))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void anythingElseIsNeither() {
        assertThat(FailureKind.of(wrapped(new IllegalStateException("a bug")))).isEqualTo(FailureKind.OTHER);
        assertThat(FailureKind.of(new NullPointerException())).isEqualTo(FailureKind.OTHER);
    }
}
