package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The project's rule, checked on every endpoint of every service through the gateway: "Bad input
 * always gets a clear 4xx application/problem+json answer, and nothing already stored is lost or
 * corrupted. A 5xx is a bug."
 *
 * <p>The operations come from each service's own OpenAPI (so a new endpoint is swept without touching
 * this test). Every operation gets hostile path parameters, hostile bodies (none, malformed JSON, an
 * array, Mongo operators in every property, wrong types, a wrong Content-Type) and hostile query
 * parameters. Every violation is collected, so one run lists them all. Objects stored before the
 * sweep must read the same after it, and Mongo operators must be treated as data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private static final String PROBLEMS = "https://hoithao.io/problems/";
    private static final String[] SERVICES = {"events", "registrations", "observations", "presentations", "reports"};
    private static final String OPERATOR = "{\"$gt\": \"\"}";
    private static final String EVENT_DAY = "2026-12-21";
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");
    private static final int IN_FLIGHT = 8;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Hostile path parameter values, already in their on-the-wire (percent-encoded) form. */
    private static final List<String> HOSTILE_IDS = List.of(
            "unknown-" + UUID.randomUUID(),
            "%24gt",
            "a".repeat(300),
            "..%2F..",
            URLEncoder.encode("Đồng Tâm", StandardCharsets.UTF_8).replace("+", "%20"));

    @TempDir
    static Path dataDir;

    /** The gateway alone, in front of the shared stack. */
    static DevStack gatewayStack;
    static URI gateway;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper json = JsonMapper.builder().build();

    /** Kept unchanged: compared before and after the sweep. */
    static String keptEvent;
    static String keptRegistration;
    static String keptLesson;
    /** Sacrificial: the sweep also aims at these real objects, which it may legitimately change. */
    static String spareEvent;
    static String spareRegistration;
    static String spareCode;
    static String spareLesson;
    /** The plausible-body probes aim at these, after the first batch (which moves the spare event to its end). */
    static String playEvent;
    static String playRegistration;
    static String playCode;
    static String playLesson;
    // addresses no other test of the shared stack uses, so that no mail or registration of theirs meets this sweep's
    static final String PLAY_EMAIL = "thu.nghiem.san.choi@mndongtam.edu.vn";
    static Map<String, JsonNode> before;
    /** Every probe acts as the administrator, so hostile input reaches the services' validation rather than stopping at sign-in. */
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        // The shared stack's services, behind a gateway of this test's own: the sweep sends thousands of requests
        // as one person, and the gateway's per-client rate limit (429) would otherwise answer most of them instead
        // of the services.
        gatewayStack = SharedStack.gatewayWith("-Dhoithao.gateway.rate-limit.replenish-rate=100000"
                + " -Dhoithao.gateway.rate-limit.burst-capacity=100000", dataDir);
        gateway = gatewayStack.gatewayUrl();
        admin = SignIn.accessToken(SharedStack.get().url(App.IDENTITY), "admin@hoithao.local", "admin-dev-password");

        keptEvent = openEvent("Hội thảo giữ nguyên: Lớp học hạnh phúc");
        spareEvent = openEvent("Hội thảo thử nghiệm: Đầu vào xấu");
        JsonNode kept = register(keptEvent, "thu.nghiem.giu.nguyen@mndongtam.edu.vn");
        keptRegistration = kept.get("id").asString();
        JsonNode spare = register(spareEvent, "thu.nghiem.dau.vao.xau@mndongtam.edu.vn");
        spareRegistration = spare.get("id").asString();
        spareCode = spare.get("confirmationCode").asString();
        playEvent = openEvent("Hội thảo sân chơi: Đầu vào hợp lệ một nửa");
        JsonNode play = register(playEvent, PLAY_EMAIL);
        playRegistration = play.get("id").asString();
        playCode = play.get("confirmationCode").asString();
        playLesson = lesson(playEvent, "P3");
        keptLesson = lesson(keptEvent, "P1");
        spareLesson = lesson(spareEvent, "P2");
        before = snapshot();
    }

    @AfterAll
    static void stop() {
        if (gatewayStack != null) {
            gatewayStack.close();
        }
    }

    @Test
    @Order(1)
    void mongoOperatorsAreTreatedAsData() throws Exception {
        List<String> problems = new ArrayList<>();
        // The search works (so "no match" below means something): the kept event's own words find it.
        Response control = send(new Probe("GET", "/api/events?q=giu%20nguyen", "control", null, null));
        assertThat(control.status()).isEqualTo(200);
        assertThat(json.readTree(control.body()).get("total").asLong()).as(control.body()).isEqualTo(1);
        String encodedOperator = URLEncoder.encode(OPERATOR, StandardCharsets.UTF_8);
        for (String query : List.of("q=" + encodedOperator, "organiser=" + encodedOperator, "programmeId=" + encodedOperator)) {
            Response listed = send(new Probe("GET", "/api/events?" + query, "operator in query", null, null));
            check(listed, problems);
            if (listed.status() == 200 && json.readTree(listed.body()).get("total").asLong() != 0) {
                problems.add("GET /api/events?" + query + " matched events as if the operator ran: " + excerpt(listed.body()));
            }
        }

        for (String email : List.of(OPERATOR, json.writeValueAsString(OPERATOR))) {
            Response registered = send(new Probe("POST", "/api/registrations", "email " + email, """
                    {"eventId": "%s", "fullName": "Kẻ Gian", "email": %s, "phone": "0987654321",
                     "unit": "Trường Mầm non Đồng Tâm", "unitId": "%s", "position": "Giáo viên", "category": "TEACHER"}
                    """.formatted(keptEvent, email, WalkingSkeletonIT.seededUnitId("Trường Mầm non Đồng Tâm")), "application/json"));
            check(registered, problems);
            if (registered.status() != 400) {
                problems.add("a registration with email " + email + " answered " + registered.status() + ": " + excerpt(registered.body()));
            }
        }
        Response byCode = send(new Probe("GET", "/api/registrations/codes/" + URLEncoder.encode(OPERATOR, StandardCharsets.UTF_8)
                .replace("+", "%20"), "operator as code", null, null));
        check(byCode, problems);
        if (byCode.status() != 404 && byCode.status() != 400) {
            problems.add("GET /api/registrations/codes/{$gt} answered " + byCode.status() + ": " + excerpt(byCode.body()));
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    @Order(2)
    void everyOperationAnswersHostileInputWithA4xxProblem() throws Exception {
        List<Probe> probes = new ArrayList<>();
        List<Probe> deep = new ArrayList<>();
        int operations = 0;
        for (String service : SERVICES) {
            Response docs = send(new Probe("GET", "/api/" + service + "/v3/api-docs", "api-docs", null, null));
            assertThat(docs.status()).as(service + " api-docs").isEqualTo(200);
            JsonNode api = json.readTree(docs.body());
            for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
                for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                    if (!List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                        continue;
                    }
                    operations++;
                    probes.addAll(probes(api, op.getKey().toUpperCase(), path.getKey(), op.getValue(), deep));
                }
            }
        }
        assertThat(operations).as("operations found in the four OpenAPI documents").isGreaterThan(60);

        long started = System.nanoTime();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        sweep(probes, violations, statuses, answers);
        // Then the plausible bodies, against the playground objects; what ends an object's life goes last.
        List<Probe> ordered = new ArrayList<>(deep);
        ordered.sort(java.util.Comparator.comparing(probe -> probe.method().equals("DELETE")
                || probe.path().matches(".*/(cancel|complete|start|close|reject|withdraw|decision|apply|reschedule)$")));
        sweep(ordered, violations, statuses, answers);
        int requests = probes.size() + deep.size();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("HostileInputIT: %d operations, %d requests in %d ms; statuses %s; %d violations%n",
                operations, requests, took.toMillis(), statuses, violations.size());
        List<String> log = new ArrayList<>(answers);
        Collections.sort(log);
        // Every answer, for a person reading a failure: target/hostile-input-answers.txt
        java.nio.file.Files.write(Path.of("target", "hostile-input-answers.txt"), log, StandardCharsets.UTF_8);
        List<String> sorted = new ArrayList<>(violations);
        Collections.sort(sorted);
        sorted.forEach(v -> System.out.println("VIOLATION " + v));

        assertThat(statuses.keySet()).as("the rate limit must not answer for the services").doesNotContain(429);
        assertThat(sorted).as(sorted.size() + " violations:\n" + String.join("\n", sorted)).isEmpty();
    }

    /** Sends the probes, {@value #IN_FLIGHT} at a time, and checks every answer. */
    private static void sweep(List<Probe> probes, List<String> violations, Map<Integer, AtomicInteger> statuses,
                              List<String> answers) throws Exception {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        ConcurrentLinkedQueue<CompletableFuture<Void>> running = new ConcurrentLinkedQueue<>();
        for (Probe probe : probes) {
            slots.acquire();
            running.add(sendAsync(probe).handle((response, failure) -> {
                try {
                    if (failure != null) {
                        violations.add(probe + " -> no answer: " + failure);
                    } else {
                        statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
                        answers.add(probe + " -> " + response.status() + " " + response.contentType() + " " + excerpt(response.body()));
                        List<String> found = new ArrayList<>();
                        check(response, found);
                        violations.addAll(found);
                    }
                    return null;
                } finally {
                    slots.release();
                }
            }));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    }

    @Test
    @Order(3)
    void whatWasStoredBeforeTheSweepIsUnchanged() throws Exception {
        Map<String, JsonNode> after = snapshot();
        assertThat(after).isEqualTo(before);
    }

    // ---- the probes

    private List<Probe> probes(JsonNode api, String method, String template, JsonNode operation, List<Probe> deep) {
        List<Probe> probes = new ArrayList<>();
        // Header parameters (who the caller is) get plausible values, so the body is what is hostile.
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("header".equals(parameter.path("in").asString())) {
                String name = parameter.get("name").asString();
                String lower = name.toLowerCase();
                headers.put(name, lower.contains("registration") ? playRegistration
                        : lower.contains("email") ? PLAY_EMAIL : lower.contains("idempotency") ? UUID.randomUUID().toString() : "x");
            }
        }
        boolean hasPathParams = PATH_PARAM.matcher(template).find();
        List<String> paths = new ArrayList<>();
        if (hasPathParams) {
            HOSTILE_IDS.forEach(id -> paths.add(substitute(template, name -> id)));
            paths.add(substitute(template, name -> realId(template, name, false)));
        } else {
            paths.add(template);
        }
        Optional<String> bodyType = bodyType(operation);
        JsonNode schema = bodyType.map(type -> resolve(api, operation.path("requestBody").path("content").path(type).path("schema")))
                .orElse(null);
        for (String path : paths) {
            String op = method + " " + template + " as " + path;
            probes.add(new Probe(method, path, "(a) no body", null, null).named(op));
            probes.add(new Probe(method, path, "(b) malformed JSON", "{\"a\":", "application/json").named(op));
            probes.add(new Probe(method, path, "(c) array", "[]", "application/json").named(op));
            probes.add(new Probe(method, path, "(d) operators", operators(api, schema), "application/json").named(op));
            probes.add(new Probe(method, path, "(e) wrong types", wrongTypes(api, schema), "application/json").named(op));
            probes.add(new Probe(method, path, "(e) empty object", "{}", "application/json").named(op));
            probes.add(new Probe(method, path, "(f) text/plain", "{\"title\": \"x\"}", "text/plain").named(op));
        }
        // A plausible body with one hostile property at a time, so the request gets past the first
        // check and reaches the service's own logic (aimed at the sacrificial real objects).
        if (schema != null && schema.has("properties") && bodyType.get().contains("json")) {
            String path = substitute(template, name -> realId(template, name, true));
            ObjectNode valid = (ObjectNode) example(api, schema, 0);
            deep.add(new Probe(method, path, "(g) plausible " + valid, valid.toString(), "application/json")
                    .named(method + " " + template).with(headers));
            for (String name : propertyNames(schema)) {
                for (JsonNode hostile : hostileValues(api, resolve(api, schema.get("properties").get(name)))) {
                    ObjectNode body = valid.deepCopy();
                    body.set(name, hostile);
                    deep.add(new Probe(method, path, "(g) " + name + "=" + hostile, body.toString(), "application/json")
                            .named(method + " " + template).with(headers));
                }
            }
        }
        // Hostile query parameters: the usual suspects on every operation, and per declared parameter.
        String queryPath = paths.get(paths.size() - 1);
        String generic = "page=-1&size=100000&status=NOPE&from=not-a-date&to=not-a-date";
        probes.add(new Probe(method, queryPath + "?" + generic, "(q) generic", null, null).named(method + " " + template));
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asString())) {
                continue;
            }
            String name = parameter.get("name").asString();
            for (String value : hostileQueryValues(api, parameter.path("schema"))) {
                for (String path : List.of(paths.get(0), queryPath)) {
                    probes.add(new Probe(method, path + "?" + name + "=" + value, "(q) " + name + "=" + value, null, null)
                            .named(method + " " + template).with(headers));
                }
            }
        }
        return probes.stream().map(probe -> probe.headers().isEmpty() ? probe.with(headers) : probe).toList();
    }

    private static List<String> hostileQueryValues(JsonNode api, JsonNode schema) {
        JsonNode resolved = resolve(api, schema);
        String type = resolved.path("type").asString();
        String format = resolved.path("format").asString();
        List<String> values = new ArrayList<>(List.of(URLEncoder.encode(OPERATOR, StandardCharsets.UTF_8), "a".repeat(300), "%24gt"));
        switch (type) {
            case "integer", "number" -> values.addAll(List.of("-1", "100000", "99999999999999999999", "abc"));
            case "boolean" -> values.add("maybe");
            default -> {
            }
        }
        if (resolved.has("enum")) {
            values.add("NOPE");
        }
        if (format.startsWith("date")) {
            values.add("not-a-date");
        }
        return values;
    }

    private static String substitute(String template, java.util.function.Function<String, String> value) {
        Matcher matcher = PATH_PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.apply(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Sacrificial real objects where the parameter names one; an unknown id otherwise. */
    private static String realId(String template, String name, boolean play) {
        String event = play ? playEvent : spareEvent;
        String registration = play ? playRegistration : spareRegistration;
        return switch (name) {
            case "eventId" -> event;
            case "registrationId" -> registration;
            case "lessonId" -> play ? playLesson : spareLesson;
            case "code" -> play ? playCode : spareCode;
            case "id" -> template.startsWith("/api/events/programmes") ? "prog-unknown"
                    : template.startsWith("/api/events") ? event
                    : template.startsWith("/api/registrations") ? registration : "unknown";
            default -> "unknown-" + name;
        };
    }

    private static Optional<String> bodyType(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("application/json")) {
            return Optional.of("application/json");
        }
        return content.propertyNames().stream().findFirst();
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current != null && current.has("$ref"); i++) {
            String ref = current.get("$ref").asString();
            current = api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current == null ? json.createObjectNode() : current;
    }

    private static String operators(JsonNode api, JsonNode schema) {
        ObjectNode body = json.createObjectNode();
        List<String> names = propertyNames(schema);
        if (names.isEmpty()) {
            names = List.of("id", "eventId", "registrationId", "email", "title");
        }
        for (String name : names) {
            body.set(name, json.readTree(OPERATOR));
        }
        return body.toString();
    }

    private static String wrongTypes(JsonNode api, JsonNode schema) {
        ObjectNode body = json.createObjectNode();
        if (schema == null || !schema.has("properties")) {
            body.put("title", 12345);
            body.put("capacity", "not-a-number");
            body.put("seats", "not-a-number");
            body.put("registrationIds", "not-an-array");
            return body.toString();
        }
        for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
            JsonNode type = resolve(api, property.getValue());
            switch (type.path("type").asString()) {
                case "integer", "number" -> body.put(property.getKey(), "not-a-number");
                case "boolean" -> body.put(property.getKey(), "nope");
                case "array" -> body.put(property.getKey(), "not-an-array");
                case "object" -> body.put(property.getKey(), "not-an-object");
                default -> body.put(property.getKey(), 12345);
            }
        }
        return body.toString();
    }

    /** A value the schema accepts, as far as the schema tells (names of ids point at the sacrificial objects). */
    private static JsonNode example(JsonNode api, JsonNode schemaOrRef, int depth) {
        JsonNode schema = resolve(api, schemaOrRef);
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String format = schema.path("format").asString();
        switch (schema.path("type").asString()) {
            case "integer", "number" -> {
                return json.getNodeFactory().numberNode(schema.has("minimum") ? Math.max(1, schema.get("minimum").asInt()) : 1);
            }
            case "boolean" -> {
                return json.getNodeFactory().booleanNode(true);
            }
            case "array" -> {
                return json.createArrayNode().add(example(api, schema.path("items"), depth + 1));
            }
            case "string" -> {
                return json.getNodeFactory().stringNode(switch (format) {
                    case "email" -> "thu.nghiem.khach.moi@mndongtam.edu.vn";
                    case "date" -> EVENT_DAY;
                    case "date-time" -> EVENT_DAY + "T09:00:00+07:00";
                    case "time" -> "09:00:00";
                    default -> "nguyen";
                });
            }
            default -> {
                ObjectNode object = json.createObjectNode();
                if (depth > 4) {
                    return object;
                }
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    object.set(property.getKey(), exampleFor(api, property.getKey(), property.getValue(), depth + 1));
                }
                if (schema.path("additionalProperties").isObject()) {
                    object.set(playRegistration, example(api, schema.get("additionalProperties"), depth + 1));
                }
                return object;
            }
        }
    }

    private static JsonNode exampleFor(JsonNode api, String name, JsonNode schema, int depth) {
        String lower = name.toLowerCase();
        JsonNode example = example(api, schema, depth);
        if (example.isArray() && lower.equals("registrationids")) {
            return json.createArrayNode().add(playRegistration);
        }
        if (example.isArray() && lower.equals("lessonids")) {
            return json.createArrayNode().add(playLesson);
        }
        if (!example.isString()) {
            return example;
        }
        String pattern = resolve(api, schema).path("pattern").asString();
        String value = lower.equals("eventid") ? playEvent
                : lower.equals("registrationid") ? playRegistration
                : lower.equals("lessonid") ? playLesson
                : lower.contains("phone") ? "0987654321"
                : lower.contains("email") ? "thu.nghiem.khach.moi@mndongtam.edu.vn"
                : lower.equals("code") || lower.equals("confirmationcode") ? playCode
                : lower.contains("timezone") ? "Asia/Ho_Chi_Minh"
                : pattern.matches("[A-Z_|]+") ? pattern.split("\\|")[0]
                : null;
        return value == null ? example : json.getNodeFactory().stringNode(value);
    }

    /** Values of the property's own type (mostly) that a careless service may not expect. */
    private static List<JsonNode> hostileValues(JsonNode api, JsonNode schema) {
        var nodes = json.getNodeFactory();
        List<JsonNode> values = new ArrayList<>();
        values.add(nodes.nullNode());
        switch (schema.path("type").asString()) {
            case "integer", "number" -> {
                values.add(nodes.numberNode(-1));
                values.add(nodes.numberNode(0));
                values.add(nodes.numberNode(2147483648L));
                values.add(nodes.numberNode(1.5));
            }
            case "string" -> {
                values.add(nodes.stringNode(""));
                values.add(nodes.stringNode("   "));
                values.add(nodes.stringNode("$gt"));
                values.add(nodes.stringNode("x".repeat(5000)));
                if (!schema.path("format").asString().isEmpty()) {
                    values.add(nodes.stringNode("not-a-" + schema.get("format").asString()));
                }
            }
            case "array" -> {
                values.add(json.createArrayNode());
                values.add(json.createArrayNode().addNull());
                values.add(json.createArrayNode().add(json.createObjectNode()));
                values.add(json.createArrayNode().add("$gt").add("$gt"));
            }
            default -> {
                values.add(json.createObjectNode());
                if (schema.path("additionalProperties").isObject()) {
                    JsonNode item = example(api, schema.get("additionalProperties"), 1);
                    values.add(json.createObjectNode().set("$gt", item));
                    values.add(json.createObjectNode().set("a.b", item));
                    values.add(json.createObjectNode().putNull(playRegistration));
                    values.add(json.createObjectNode().set(playRegistration, json.createArrayNode().addNull()));
                }
            }
        }
        return values;
    }

    private static List<String> propertyNames(JsonNode schema) {
        return schema == null || !schema.has("properties") ? List.of() : new ArrayList<>(schema.get("properties").propertyNames());
    }

    // ---- checking an answer

    private static void check(Response response, List<String> violations) {
        Probe probe = response.probe();
        int status = response.status();
        String body = response.body();
        if (status >= 500) {
            violations.add(probe + " -> " + status + " " + excerpt(body));
            return;
        }
        if (status < 400) {
            return;
        }
        String contentType = response.contentType();
        if (!contentType.startsWith("application/problem+json")) {
            violations.add(probe + " -> " + status + " with Content-Type '" + contentType + "': " + excerpt(body));
            return;
        }
        try {
            String type = json.readTree(body).path("type").asString();
            if (!type.startsWith(PROBLEMS)) {
                violations.add(probe + " -> " + status + " with problem type '" + type + "': " + excerpt(body));
            }
        } catch (RuntimeException e) {
            violations.add(probe + " -> " + status + " with a body that is not JSON: " + excerpt(body));
        }
        if (body.contains("at io.") || body.contains("Exception")) {
            violations.add(probe + " -> " + status + " shows internals: " + excerpt(body));
        }
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }

    // ---- HTTP

    record Probe(String method, String path, String kase, String body, String contentType, String operation,
                 Map<String, String> headers) {

        Probe(String method, String path, String kase, String body, String contentType) {
            this(method, path, kase, body, contentType, method + " " + path, Map.of());
        }

        Probe named(String operation) {
            return new Probe(method, path, kase, body, contentType, operation, headers);
        }

        Probe with(Map<String, String> headers) {
            return new Probe(method, path, kase, body, contentType, operation, headers);
        }

        @Override
        public String toString() {
            String shownPath = path.length() > 120 ? path.substring(0, 120) + "…" : path;
            String shownCase = kase.length() > 150 ? kase.substring(0, 150) + "…" : kase;
            return "[" + operation.replaceAll(" as .*", "") + "] " + method + " " + shownPath + " " + shownCase;
        }
    }

    record Response(Probe probe, int status, String contentType, String body) {
    }

    private static CompletableFuture<Response> sendAsync(Probe probe) {
        HttpRequest request;
        try {
            request = request(probe);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> read(probe, response));
    }

    private static Response send(Probe probe) throws Exception {
        try {
            return sendAsync(probe).get(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException timeout) {
                throw timeout;
            }
            throw e;
        }
    }

    private static HttpRequest request(Probe probe) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(probe.path())).timeout(REQUEST_TIMEOUT);
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        probe.headers().forEach(request::header);
        if (probe.headers().keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            request.header("Authorization", "Bearer " + admin);
        }
        return request.method(probe.method(), probe.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(probe.body())).build();
    }

    /** Reads the whole answer, except a 2xx event stream, which never ends: its headers are enough. */
    private static Response read(Probe probe, HttpResponse<InputStream> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = response.body()) {
            if (response.statusCode() < 300 && contentType.startsWith("text/event-stream")) {
                return new Response(probe, response.statusCode(), contentType, "");
            }
            return new Response(probe, response.statusCode(), contentType, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- fixtures

    private static JsonNode ok(Response response, int status) {
        assertThat(response.status()).as(response.probe() + " " + response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private static String openEvent(String title) throws Exception {
        String id = ok(send(new Probe("POST", "/api/events", "fixture", """
                {"title": "%s", "kind": "THEMATIC_SESSION", "level": "SCHOOL", "organiserUnit": "Trường Mầm non Đồng Tâm",
                 "startDate": "%s", "endDate": "%s", "capacity": 36}
                """.formatted(title, EVENT_DAY, EVENT_DAY), "application/json")), 201).get("id").asString();
        ok(send(new Probe("POST", "/api/events/" + id + "/publish", "fixture", null, null)), 200);
        ok(send(new Probe("POST", "/api/events/" + id + "/registration/open", "fixture", null, null)), 200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Response seats = send(new Probe("GET", "/api/registrations/events/" + id, "fixture", null, null));
            assertThat(seats.status()).isEqualTo(200);
            assertThat(json.readTree(seats.body()).get("registrationOpen").asBoolean()).isTrue();
        });
        return id;
    }

    private static JsonNode register(String eventId, String email) throws Exception {
        JsonNode registration = ok(send(new Probe("POST", "/api/registrations", "fixture", """
                {"eventId": "%s", "fullName": "Lê Thị Thu Hà", "email": "%s", "phone": "0987654321",
                 "unit": "Trường Mầm non Đồng Tâm", "unitId": "%s", "position": "Giáo viên", "category": "TEACHER"}
                """.formatted(eventId, email, WalkingSkeletonIT.seededUnitId("Trường Mầm non Đồng Tâm")), "application/json")), 201);
        assertThat(registration.get("status").asString()).isEqualTo("CONFIRMED");
        return registration;
    }

    private static String lesson(String eventId, String classroom) throws Exception {
        return ok(send(new Probe("POST", "/api/observations/events/" + eventId + "/lessons", "fixture", """
                {"title": "Khám phá: Vòng đời của bướm", "hostSchool": "Trường Mầm non Đồng Tâm", "classroom": "%s",
                 "className": "Lớp Lá 1", "ageGroup": "MAU_GIAO_LON", "teacher": "Nguyễn Thị Mai", "activity": "Khám phá khoa học",
                 "developmentalArea": "Nhận thức", "startsAt": "%sT08:00:00+07:00", "endsAt": "%sT08:35:00+07:00", "seats": 5}
                """.formatted(classroom, EVENT_DAY, EVENT_DAY), "application/json")), 201).get("id").asString();
    }

    /** The kept objects as each service shows them. */
    private static Map<String, JsonNode> snapshot() throws Exception {
        Map<String, JsonNode> snapshot = new LinkedHashMap<>();
        for (String path : List.of("/api/events/" + keptEvent, "/api/registrations/" + keptRegistration,
                "/api/registrations/events/" + keptEvent, "/api/observations/lessons/" + keptLesson)) {
            snapshot.put(path, ok(send(new Probe("GET", path, "snapshot", null, null)), 200));
        }
        return snapshot;
    }
}
