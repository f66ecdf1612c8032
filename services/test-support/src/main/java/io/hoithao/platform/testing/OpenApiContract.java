package io.hoithao.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.openapi.ApiDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Checks a service's OpenAPI document against the OpenAPI 3 rules (swagger-parser's validation: structure,
 * references, required members) and against the service itself: every answer has a real media type (never
 * {@code * / *}), every operation documents its errors as problem+json with the {@code Problem} schema, no
 * pattern needs Java's regular expressions, and what each operation really answers to an anonymous caller,
 * to a caller with a bad token and to an administrator naming things that do not exist (with an empty body
 * where it takes one) is a status its document declares.
 */
public final class OpenApiContract {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final WebTestClient http;
    private final String documentPath;

    public OpenApiContract(WebTestClient http, String documentPath) {
        // The first document is built on demand, and a shared machine may be slow: more than the default 5 s.
        this.http = http.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
        this.documentPath = documentPath;
    }

    /** The document as served, validated; fails listing swagger-parser's messages. */
    public OpenAPI validated() {
        byte[] body = http.get().uri(documentPath).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(body).as(documentPath).isNotNull();
        String json = new String(body, StandardCharsets.UTF_8);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(result.getMessages()).as("OpenAPI 3 validation of %s", documentPath).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        return result.getOpenAPI();
    }

    /** Runs every check; returns the number of operations checked. */
    public int check() {
        OpenAPI api = validated();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : new TreeMap<>(api.getPaths()).entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                String name = entry.getKey() + " " + path.getKey();
                Operation operation = entry.getValue();
                described(name, operation, problems);
                probe(path.getKey(), entry.getKey(), operation, name, problems);
            }
        }
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().forEach((name, schema) -> patterns("#/components/schemas/" + name, schema, problems, seen));
        }
        assertThat(problems).as("%s: what the document says and what the service answers", documentPath).isEmpty();
        return operations;
    }

    private static void described(String name, Operation operation, List<String> problems) {
        if (operation.getRequestBody() != null) {
            mediaTypes(name + " request", operation.getRequestBody().getContent(), problems);
        }
        boolean problemDocumented = false;
        for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
            mediaTypes(name + " " + response.getKey(), response.getValue().getContent(), problems);
            if (response.getKey().startsWith("4")) {
                Content content = response.getValue().getContent();
                var problem = content == null ? null : content.get(ApiDocumentation.PROBLEM_JSON);
                if (problem == null || problem.getSchema() == null) {
                    problems.add(name + " " + response.getKey() + " is not documented as " + ApiDocumentation.PROBLEM_JSON);
                } else {
                    problemDocumented = true;
                }
            }
        }
        if (!problemDocumented) {
            problems.add(name + " documents no 4xx problem answer");
        }
    }

    private static void mediaTypes(String where, Content content, List<String> problems) {
        if (content != null && content.containsKey("*/*")) {
            problems.add(where + " declares */* instead of its media type");
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void patterns(String where, Schema<?> schema, List<String> problems, Set<Object> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getPattern() != null) {
            try {
                if (Pattern.compile("\\\\[pPX]|\\(\\?[a-zA-Z-]+[:)]|[*+?}]\\+|\\\\[AZzG]|\\\\Q").matcher(schema.getPattern()).find()) {
                    problems.add(where + " has a pattern only Java reads: " + schema.getPattern());
                }
            } catch (RuntimeException e) {
                problems.add(where + " has a pattern that does not compile: " + schema.getPattern());
            }
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) (Map) schema.getProperties()).forEach((n, s) -> patterns(where + "." + n, s, problems, seen));
        }
        if (schema.getItems() != null) {
            patterns(where + "[]", schema.getItems(), problems, seen);
        }
    }

    private void probe(String template, PathItem.HttpMethod method, Operation operation, String name, List<String> problems) {
        Set<String> declared = operation.getResponses().keySet();
        Matcher variables = PATH_VARIABLE.matcher(template);
        boolean names = variables.find();
        String uri = PATH_VARIABLE.matcher(template).replaceAll(m -> "no-such-" + m.group(1));
        boolean body = operation.getRequestBody() != null;
        boolean streams = operation.getResponses().values().stream().anyMatch(r -> r.getContent() != null
                && r.getContent().containsKey("text/event-stream"));
        if (streams) {
            return;
        }
        HttpMethod verb = HttpMethod.valueOf(method.name());
        answer(name + " anonymous", TestIdentity.anonymous(http), verb, uri, body, declared, problems, spec -> {
        });
        answer(name + " with a bad token", TestIdentity.anonymous(http), verb, uri, body, declared, problems,
                spec -> spec.header("Authorization", "Bearer not-a-token"));
        // An administrator, naming things that do not exist: never a change, so every operation may be tried.
        if (names || verb == HttpMethod.GET || body) {
            answer(name + " as administrator", TestIdentity.get().as(http, TestIdentity.admin()), verb, uri, body, declared,
                    problems, spec -> {
                    });
        }
    }

    private static void answer(String what, WebTestClient client, HttpMethod verb, String uri, boolean body, Set<String> declared,
                               List<String> problems, Consumer<WebTestClient.RequestHeadersSpec<?>> headers) {
        WebTestClient.RequestBodySpec request = client.method(verb).uri(uri);
        WebTestClient.RequestHeadersSpec<?> spec = body
                ? request.header("Content-Type", "application/json").bodyValue("{}")
                : request;
        headers.accept(spec);
        int status = spec.exchange().returnResult(byte[].class).getStatus().value();
        if (!declared.contains(Integer.toString(status)) && !declared.contains("default")) {
            problems.add(what + " answered " + status + ", which the document does not declare " + declared);
        }
    }
}
