package io.hoithao.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;

/** A database outage is a 503 problem (retry shortly), never the 500 of a bug. */
class DatabaseUnavailableProblemTest {

    final ProblemExceptionHandler handler = new ProblemExceptionHandler(ServerCodecConfigurer.create());

    @Test
    void noServerFoundInTimeIsA503DatabaseUnavailable() {
        ProblemDetail problem = handler.toProblem(new DataAccessResourceFailureException("Timed out",
                new MongoTimeoutException("Timed out while waiting for a server")));
        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getType().toString()).isEqualTo(ProblemTypes.BASE + ProblemTypes.DATABASE_UNAVAILABLE);
    }

    @Test
    void aConnectionLostMidwayIsA503Too() {
        ProblemDetail problem = handler.toProblem(new MongoSocketReadException("Prematurely reached end of stream",
                new ServerAddress("127.0.0.1", 27017)));
        assertThat(problem.getStatus()).isEqualTo(503);
    }

    @Test
    void anyOtherFailureIsStillA500() {
        assertThat(handler.toProblem(new IllegalStateException("a bug")).getStatus()).isEqualTo(500);
    }
}
