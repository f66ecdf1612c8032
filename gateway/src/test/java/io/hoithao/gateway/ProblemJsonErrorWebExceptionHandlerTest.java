package io.hoithao.gateway;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemJsonErrorWebExceptionHandlerTest {

	final JsonMapper jsonMapper = JsonMapper.builder().build();

	final ProblemJsonErrorWebExceptionHandler handler = new ProblemJsonErrorWebExceptionHandler(
			new ProblemResponses(this.jsonMapper));

	@Test
	void unexpectedErrorIsGenericInternalErrorProblemWithoutItsMessage() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/events/1"));

		this.handler.handle(exchange, new IllegalStateException("secret connection string")).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		String body = exchange.getResponse().getBodyAsString().block();
		assertThat(body).doesNotContain("secret").doesNotContain("Exception").doesNotContain("trace");
		assertThat(this.jsonMapper.readValue(body, new TypeReference<Map<String, Object>>() {
		})).containsExactly(Map.entry("type", "https://hoithao.io/problems/internal"),
				Map.entry("title", "Internal Server Error"), Map.entry("status", 500),
				Map.entry("detail", "An unexpected error occurred in the gateway."),
				Map.entry("instance", "/api/events/1"));
	}

	@Test
	void aMissingSignInIsUnauthenticatedAsInTheServices() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/events/1"));

		this.handler.handle(exchange, new ResponseStatusException(HttpStatus.UNAUTHORIZED)).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(exchange.getResponse().getBodyAsString().block())
			.contains("\"type\":\"https://hoithao.io/problems/unauthenticated\"")
			.contains("\"status\":401");
	}

	@Test
	void clientErrorsKeepTheirStatusAndHeaders() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.delete("/actuator/health"));

		this.handler.handle(exchange, new MethodNotAllowedException("DELETE", java.util.Set.of(
				org.springframework.http.HttpMethod.GET))).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(exchange.getResponse().getHeaders().getAllow()).containsExactly(
				org.springframework.http.HttpMethod.GET);
		assertThat(exchange.getResponse().getBodyAsString().block())
			.contains("\"type\":\"https://hoithao.io/problems/method-not-allowed\"")
			.contains("\"status\":405");
	}

}
