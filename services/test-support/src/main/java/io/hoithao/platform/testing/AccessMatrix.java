package io.hoithao.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
     */
    public record Call(HttpMethod method, String uri, String authorization, MediaType contentType, Object body) {
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

    /** Sends the call and asserts the answer. */
    public static void check(WebTestClient http, Call call, Answer expected) {
        WebTestClient client = TestIdentity.anonymous(http);
        if (call.authorization() != null) {
            client = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, call.authorization()).build();
        }
        WebTestClient.RequestBodySpec request = client.method(call.method()).uri(call.uri());
        WebTestClient.RequestHeadersSpec<?> ready = call.body() == null ? request
                : request.contentType(call.contentType()).bodyValue(call.body());
        EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
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
