package io.hoithao.platform.openapi;

import io.hoithao.platform.web.ProblemTypes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

/**
 * One place that makes every service's OpenAPI document say what its operations answer, instead of
 * annotations repeated on every handler:
 * <ul>
 *   <li>every operation lists the error statuses it can answer, each as {@code application/problem+json}
 *       with the shared {@code Problem} schema and the platform's problem types for that status (a
 *       service's own types are in docs/problems.md): 400 when it reads a body or parameters, 401 and 403
 *       always (an invalid token is refused even on public reads), 404 when its path names something, 406
 *       always, 409 for every change, 413 and 415 when it reads a body, 429 and 503 always (the gateway's
 *       limits, the identity service down; with {@code Retry-After}), 500 always;</li>
 *   <li>patterns that only Java understands (Unicode classes such as {@code \p{L}}, inline flags,
 *       possessive quantifiers) are not portable JSON Schema (ECMA-262) patterns, so client generators
 *       cannot use them: they move to {@code x-java-pattern}, with the rule in the description, and the
 *       server keeps checking them.</li>
 * </ul>
 * Media types: {@code hoithao-platform.properties} makes JSON the default a handler does not override
 * ({@code produces} on the mapping, as {@code programme.ics} does with {@code text/calendar}).
 */
public class ApiDocumentation implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";

    /** What an ECMA-262 pattern without the {@code u} flag does not read as Java does. */
    static final Pattern JAVA_ONLY = Pattern.compile("\\\\[pPX]|\\(\\?[a-zA-Z-]+[:)]|[*+?}]\\+|\\\\[AZzG]|\\(\\?<[=!]?|\\\\Q");

    private static final Map<Integer, String> PLATFORM_TYPES = new TreeMap<>(Map.of(
            400, "`" + ProblemTypes.VALIDATION + "` (with `errors`: field and message) or `" + ProblemTypes.MALFORMED_REQUEST + "`",
            401, "`" + ProblemTypes.UNAUTHENTICATED + "` or `" + ProblemTypes.INVALID_TOKEN + "`",
            403, "`" + ProblemTypes.FORBIDDEN + "` (the caller's role or unit may not do this)",
            404, "`" + ProblemTypes.NOT_FOUND + "`",
            406, "`" + ProblemTypes.NOT_ACCEPTABLE + "`",
            409, "`" + ProblemTypes.CONCURRENT_MODIFICATION + "`, `" + ProblemTypes.DUPLICATE
                    + "` or a rule of the service (types in docs/problems.md)",
            413, "`" + ProblemTypes.PAYLOAD_TOO_LARGE + "`",
            415, "`" + ProblemTypes.UNSUPPORTED_MEDIA_TYPE + "`",
            429, "too many requests (with `Retry-After`)",
            500, "`" + ProblemTypes.INTERNAL + "` (a bug; never a stack trace)"));
    static {
        PLATFORM_TYPES.put(422, "of the service (docs/problems.md)");
        PLATFORM_TYPES.put(503, "`" + ProblemTypes.IDENTITY_UNAVAILABLE + "` or a service unavailable (with `Retry-After`)");
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        boolean reads = mapping == null || mapping.method().length == 0
                || List.of(mapping.method()).stream().allMatch(m -> m == RequestMethod.GET || m == RequestMethod.HEAD);
        boolean body = false;
        boolean path = false;
        boolean parameters = false;
        for (Parameter parameter : handler.getMethod().getParameters()) {
            body |= parameter.isAnnotationPresent(RequestBody.class) || parameter.isAnnotationPresent(RequestPart.class);
            path |= parameter.isAnnotationPresent(PathVariable.class);
            parameters |= parameter.isAnnotationPresent(RequestParam.class) || parameter.isAnnotationPresent(RequestHeader.class)
                    || parameter.isAnnotationPresent(PathVariable.class);
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Answers answers = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Answers.class);
        if (answers != null) {
            ApiResponse success = responses.entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            for (int status : answers.value()) {
                String description = answers.description().isEmpty()
                        ? org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase() : answers.description();
                responses.putIfAbsent(Integer.toString(status), status < 300
                        ? new ApiResponse().description(description).content(success == null ? null : success.getContent())
                        : problem(status).description(description));
            }
        }
        for (int status : statuses(reads, body, path, parameters)) {
            responses.putIfAbsent(Integer.toString(status), problem(status));
        }
        operation.setResponses(sorted(responses));
        return operation;
    }

    static List<Integer> statuses(boolean reads, boolean body, boolean path, boolean parameters) {
        List<Integer> statuses = new ArrayList<>();
        if (body || parameters) {
            statuses.add(400);
        }
        statuses.add(401);
        statuses.add(403);
        if (path) {
            statuses.add(404);
        }
        statuses.add(406);
        if (!reads) {
            statuses.add(409);
        }
        if (body) {
            statuses.add(413);
            statuses.add(415);
        }
        statuses.add(429);
        statuses.add(500);
        statuses.add(503);
        return statuses;
    }

    private static ApiResponse problem(int status) {
        return new ApiResponse().description(org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase()
                        + ": problem type " + PLATFORM_TYPES.get(status))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        ordered.setExtensions(responses.getExtensions());
        return ordered;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        if (openApi.getComponents().getSchemas() == null) {
            openApi.getComponents().setSchemas(new LinkedHashMap<>());
        }
        openApi.getComponents().getSchemas().forEach((name, schema) -> portable(schema, java.util.Collections.newSetFromMap(new IdentityHashMap<>())));
        if (openApi.getPaths() != null) {
            Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> portable(p.getSchema(), seen));
                }
            }));
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
    }

    static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The body field or parameter"))
                .addProperty("message", new StringSchema().description("What is wrong with it"));
        Schema<Object> problem = new ObjectSchema();
        problem.description("An error answer (RFC 9457). Clients branch on `type`; other members depend on it (docs/problems.md).")
                .addProperty("type", new StringSchema().format("uri")
                        .description("Stable problem type, `" + ProblemTypes.BASE + "<name>`"))
                .addProperty("title", new StringSchema().description("Short summary for people"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What happened, for people"))
                .addProperty("instance", new StringSchema().description("The path of the request"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("Field errors of a `validation` problem, sorted by field"));
        problem.setRequired(List.of("type", "title", "status"));
        problem.setAdditionalProperties(true);
        return problem;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void portable(Schema<?> schema, Set<Object> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && JAVA_ONLY.matcher(pattern).find()) {
            schema.setPattern(null);
            schema.addExtension("x-java-pattern", pattern);
            String rule = "Must match the Java regular expression `" + pattern + "` (checked by the server).";
            schema.setDescription(schema.getDescription() == null ? rule : schema.getDescription() + " " + rule);
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) (Map) schema.getProperties()).values().forEach(s -> portable(s, seen));
        }
        if (schema.getItems() != null) {
            portable(schema.getItems(), seen);
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
            portable(additional, seen);
        }
        for (List<Schema> group : java.util.Arrays.asList((List<Schema>) (List) schema.getAllOf(),
                (List<Schema>) (List) schema.getAnyOf(), (List<Schema>) (List) schema.getOneOf())) {
            if (group != null) {
                group.forEach(s -> portable(s, seen));
            }
        }
    }
}
