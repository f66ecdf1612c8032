package io.hoithao.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.hoithao.platform.security.Caller;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table runner of the services' authorization matrices (who may call what, route by route). A matrix is a
 * list of rows, each one request and the answer it must get; a service's test resolves its rows' placeholders
 * into a {@link Call} and an {@link Answer}, and this class sends the one and checks the other, the same way for
 * every service: the status, and for a refusal a problem+json answer of the expected type and status whose
 * detail says the expected words.
 *
 * <p>Most matrices write their rows with {@link #row} and {@link Who}: a row names the path (whose placeholders
 * the service's test resolves), who sends it, the body, and the status, problem type and detail words expected
 * (401, 403 and 404 refusals default to the types {@code unauthenticated}, {@code forbidden}, {@code not-found}).
 */
public final class AccessMatrix {

    /** Where the problem types live; a row names a type by its last segment. */
    public static final String PROBLEMS = "https://hoithao.io/problems/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccessMatrix() {
    }

    /**
     * One request of a row.
     *
     * @param authorization the {@code Authorization} header's value; {@code null}: none (not even the test
     *                      client's default administrator)
     * @param contentType   the body's type; ignored without a body
     * @param body          {@code null}: none
     * @param accept        the {@code Accept} header's value; {@code null}: the client's default
     */
    public record Call(HttpMethod method, String uri, String authorization, MediaType contentType, Object body,
            MediaType accept) {

        public Call(HttpMethod method, String uri, String authorization, MediaType contentType, Object body) {
            this(method, uri, authorization, contentType, body, null);
        }
    }

    /**
     * Who sends a row's request: a label for the matrix, the caller (if the token is one of a caller's), and the
     * {@code Authorization} header's value, made when the row runs ({@code null}: none).
     */
    public record Who(String label, Caller caller, Supplier<String> authorization) {

        /** Nobody signed in: no {@code Authorization} header. */
        public static final Who ANONYMOUS = new Who("anonymous", null, () -> null);

        /** The caller with a valid token of the test issuer. */
        public static Who as(String label, Caller caller) {
            return new Who(label, caller, () -> TestIdentity.get().bearer(caller));
        }

        /** A header that is no caller's valid token (expired, of another issuer or audience). */
        public static Who token(String label, Supplier<String> authorization) {
            return new Who(label, null, authorization);
        }

        public String email() {
            return caller.email();
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * One row: the request, who sends it, the status expected and, for a refusal, its problem type and words
     * its detail says.
     *
     * @param path the path as the matrix writes it, with the placeholders its test resolves
     * @param body {@code null}: none; else what the test resolves into the request's body
     */
    public record Row(String method, String path, Who who, Object body, int status, String type, String detail) {

        /** The same row, whose refusal's detail must say these words. */
        public Row saying(String words) {
            return new Row(method, path, who, body, status, type, words);
        }

        /** The answer this row expects. */
        public Answer answer() {
            return new Answer(status, type, detail);
        }

        @Override
        public String toString() {
            return method + " " + path + " as " + who + " → " + status + (type == null ? "" : " " + type)
                    + (detail == null ? "" : " saying '" + detail + "'");
        }
    }

    public static Row row(String method, String path, Who who, int status) {
        return new Row(method, path, who, null, status, defaultType(status), null);
    }

    public static Row row(String method, String path, Who who, Object body, int status) {
        return new Row(method, path, who, body, status, defaultType(status), null);
    }

    public static Row row(String method, String path, Who who, Object body, int status, String type) {
        return new Row(method, path, who, body, status, type, null);
    }

    /** The problem type a refusal of this status has unless a row says otherwise; {@code null} for any other status. */
    public static String defaultType(int status) {
        return switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            default -> null;
        };
    }

    /**
     * What a row must get.
     *
     * @param type   for a refusal (4xx, 5xx): the problem type's last segment
     * @param detail for a refusal: words the problem's detail contains; {@code null}: any detail
     */
    public record Answer(int status, String type, String detail) {
    }

    /** The rows as dynamic tests, each named after its row, then the checks that close the matrix. */
    public static <R> Stream<DynamicTest> tests(List<R> rows, ThrowingConsumer<R> check, DynamicTest... closing) {
        return Stream.concat(rows.stream().map(row -> dynamicTest(row.toString(), () -> check.accept(row))),
                Stream.of(closing));
    }

    /** Sends the row's request to the resolved uri with the resolved body (of that type) and asserts its answer. */
    public static void check(WebTestClient http, Row row, String uri, MediaType contentType, Object body) {
        check(http, new Call(HttpMethod.valueOf(row.method()), uri, row.who().authorization().get(), contentType, body),
                row.answer());
    }

    /** Sends the call; for a test that reads the answer itself (a stream, say). */
    public static WebTestClient.ResponseSpec exchange(WebTestClient http, Call call) {
        WebTestClient client = TestIdentity.anonymous(http);
        if (call.authorization() != null) {
            client = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, call.authorization()).build();
        }
        WebTestClient.RequestBodySpec request = client.method(call.method()).uri(call.uri());
        if (call.accept() != null) {
            request.accept(call.accept());
        }
        WebTestClient.RequestHeadersSpec<?> ready = call.body() == null ? request
                : request.contentType(call.contentType()).bodyValue(call.body());
        return ready.exchange();
    }

    /** Sends the call and asserts the answer. */
    public static void check(WebTestClient http, Call call, Answer expected) {
        EntityExchangeResult<byte[]> result = exchange(http, call).expectBody().returnResult();
        String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(result.getStatus().value()).as("%s %s: %s", call.method(), call.uri(), body).isEqualTo(expected.status());
        if (expected.status() >= 400) {
            assertThat(result.getResponseHeaders().getContentType()).as("content type")
                    .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
            Map<?, ?> problem = JSON.readValue(body, Map.class);
            assertThat(problem.get("type")).as("problem type").isEqualTo(PROBLEMS + expected.type());
            assertThat(problem.get("status")).isEqualTo(expected.status());
            if (expected.detail() != null) {
                assertThat((String) problem.get("detail")).contains(expected.detail());
            }
        }
    }
}
