package io.hoithao.faults;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.hoithao.devstack.App;
import tools.jackson.databind.JsonNode;

/**
 * Registrations and lesson bookings at a steady rate, as the administrator (a manager of every event
 * registers and books for anyone), each sent once and never retried. It remembers every answer: the
 * acknowledged (2xx) registrations and bookings are what the invariants hold the services to.
 */
final class Workload {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** How long after the request's timeout an answer whose body has not ended counts as a timeout too. */
    static final Duration STALLED = Duration.ofSeconds(10);
    static final List<String> NAMES = List.of("Nguyễn Thị Hoà", "Trần Văn Đức", "Lê Thị Thu Hà", "Phạm Minh Tuấn",
            "Hoàng Thị Lan", "Vũ Quốc Bảo", "Đặng Thị Mai", "Bùi Văn Long");

    private final FaultStack stack;
    private final FaultStack.Scenario scenario;
    private final String prefix;
    final Map<String, String> registrations = new ConcurrentHashMap<>(); // registration id -> email
    final Map<String, String> bookings = new ConcurrentHashMap<>(); // registration id -> lesson id
    final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    final List<Long> failureMillis = Collections.synchronizedList(new ArrayList<>());
    final List<Long> acknowledgedMillis = Collections.synchronizedList(new ArrayList<>());
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<long[]> bookable = new ConcurrentLinkedQueue<>(); // [index, acknowledgedAt]
    private final List<String> registrationIds = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<String> cancellable = new ConcurrentLinkedQueue<>(); // acknowledged bookings' registrations
    private final ConcurrentLinkedQueue<String> retired = new ConcurrentLinkedQueue<>(); // booking withdrawn, the registration next
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger stalled = new AtomicInteger(); // answers begun but not ended 30 s after they were sent
    final AtomicInteger bookingsCancelled = new AtomicInteger();
    final AtomicInteger withdrawalsUnknown = new AtomicInteger(); // answered 5xx: withdrawn or not, the invariants cannot say
    final AtomicInteger registrationsCancelled = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());

    Workload(FaultStack stack, FaultStack.Scenario scenario, String prefix) {
        this.stack = stack;
        this.scenario = scenario;
        this.prefix = prefix;
    }

    /**
     * Sends {@code operations} requests at {@code perSecond}, one in three a booking when a registration
     * acknowledged more than two seconds ago is waiting for one; {@code during} is called with the
     * operation's number before it is sent (a scenario's faults). Returns once every answer is in.
     */
    void run(int operations, double perSecond, java.util.function.IntConsumer during) throws Exception {
        long interval = (long) (1_000_000_000L / perSecond);
        long start = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait); // the pace of the load, not a wait for a result
            }
            during.accept(i);
            long[] candidate = i % 3 == 2 ? bookable.peek() : null;
            if (candidate != null && System.nanoTime() - candidate[1] > Duration.ofSeconds(2).toNanos() && bookable.remove(candidate)) {
                book((int) candidate[0]);
            } else {
                register();
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    }

    /**
     * The soak's mix at {@code perSecond}: in every 20 operations 6 registrations, 5 bookings, 6 reads (the
     * programme view, a lesson's observers, a registration, a page of the event's registrations, the event),
     * 2 bookings withdrawn and 1 registration cancelled (one whose booking was withdrawn, so nothing of it is
     * in flight); a booking or cancellation with nothing to act on yet is a registration. {@code during} is
     * called with the operation's number before it is sent. Returns once every answer is in.
     */
    void runMixed(int operations, double perSecond, java.util.function.IntConsumer during) throws Exception {
        long interval = (long) (1_000_000_000L / perSecond);
        long start = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait); // the pace of the load, not a wait for a result
            }
            during.accept(i);
            int slot = i % 20;
            if (slot < 6) {
                register();
            } else if (slot < 11) {
                long[] candidate = bookable.peek();
                if (candidate != null && System.nanoTime() - candidate[1] > Duration.ofSeconds(2).toNanos() && bookable.remove(candidate)) {
                    book((int) candidate[0]);
                } else {
                    register();
                }
            } else if (slot < 17) {
                read(i);
            } else if (slot < 19) {
                String registrationId = cancellable.poll();
                if (registrationId != null) {
                    withdrawBooking(registrationId);
                } else {
                    register();
                }
            } else {
                String registrationId = retired.poll();
                if (registrationId != null) {
                    cancelRegistration(registrationId);
                } else {
                    register();
                }
            }
            inFlight.removeIf(CompletableFuture::isDone); // a long run keeps only what is still in flight
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    }

    private void read(int i) throws Exception {
        String eventId = scenario.eventId();
        String lessonId = scenario.lessonIds().get(i % scenario.lessonIds().size());
        String registrationId;
        synchronized (registrationIds) {
            registrationId = registrationIds.isEmpty() ? null : registrationIds.get(i % registrationIds.size());
        }
        String path = switch (i % 5) {
            case 0 -> "/api/events/" + eventId + "/programme";
            case 1 -> "/api/observations/lessons/" + lessonId + "/observers";
            case 2 -> registrationId == null ? "/api/events/" + eventId : "/api/registrations/" + registrationId;
            case 3 -> "/api/registrations/events/" + eventId + "/registrations?size=50&page=" + (i / 5 % 3);
            default -> "/api/events/" + eventId;
        };
        App app = path.startsWith("/api/events") ? App.EVENTS : path.startsWith("/api/observations") ? App.OBSERVATIONS : App.REGISTRATIONS;
        send("GET", app, path, null, (response, answer) -> {
            if (response.statusCode() == 200) {
                reads.incrementAndGet();
            }
        });
    }

    private void withdrawBooking(String registrationId) throws Exception {
        // no claim either way until the answer says: a 503 or 504 (the gateway gave up waiting) or a timeout may come
        // after the service withdrew it, so such a booking is neither held nor gone for the invariants
        String lessonId = bookings.remove(registrationId);
        send("DELETE", App.OBSERVATIONS, "/api/observations/lessons/" + lessonId + "/bookings/" + registrationId, null, (response, answer) -> {
            if (response.statusCode() == 204) {
                bookingsCancelled.incrementAndGet();
                retired.add(registrationId);
            } else if (response.statusCode() / 100 == 4) {
                bookings.put(registrationId, lessonId); // refused: still held
            } else {
                withdrawalsUnknown.incrementAndGet();
            }
        });
    }

    private void cancelRegistration(String registrationId) throws Exception {
        send("POST", App.REGISTRATIONS, "/api/registrations/" + registrationId + "/cancel", "{\"reason\": \"Bận công tác\"}", (response, answer) -> {
            if (response.statusCode() == 200) {
                registrationsCancelled.incrementAndGet();
            }
        });
    }

    private void register() throws Exception {
        int n = sent.incrementAndGet();
        String email = prefix + "-" + n + "@faults.hoithao.edu.vn";
        String body = stack.json.createObjectNode().put("eventId", scenario.eventId()).put("fullName", NAMES.get(n % NAMES.size()))
                .put("email", email).put("phone", String.format("09%08d", n)).put("unit", "Phòng GD&ĐT Chợ Mới")
                .put("unitId", java.util.UUID.nameUUIDFromBytes("hoithao/units/seed/Phòng GD&ĐT Chợ Mới"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()) // the seeded directory's id
                .put("position", "Giáo viên").put("category", "TEACHER").toString();
        send("POST", App.REGISTRATIONS, "/api/registrations", body, (response, body2) -> {
            if (response.statusCode() == 201) {
                String id = body2.get("id").asString();
                registrations.put(id, email);
                int index;
                synchronized (registrationIds) {
                    registrationIds.add(id);
                    index = registrationIds.size() - 1;
                }
                if ("CONFIRMED".equals(body2.path("status").asString())) {
                    bookable.add(new long[] {index, System.nanoTime()});
                }
            }
        });
    }

    private void book(int index) throws Exception {
        String registrationId = registrationIds.get(index);
        String lessonId = scenario.lessonIds().get(index % scenario.lessonIds().size());
        String body = stack.json.createObjectNode().put("registrationId", registrationId).toString();
        send("POST", App.OBSERVATIONS, "/api/observations/lessons/" + lessonId + "/bookings", body, (response, answer) -> {
            if (response.statusCode() == 201 || response.statusCode() == 202) {
                bookings.put(registrationId, lessonId);
                cancellable.add(registrationId);
            } else if (response.statusCode() == 409 && answer.path("type").asString().endsWith("/delegate-not-confirmed")) {
                bookable.add(new long[] {index, System.nanoTime()}); // not known there yet: later
            }
        });
    }

    private void send(String method, App app, String path, String body,
                      java.util.function.BiConsumer<HttpResponse<String>, JsonNode> onAnswer) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(stack.publicUrl(app, path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + stack.admin());
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        HttpRequest request = builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
        long t0 = System.nanoTime();
        CompletableFuture<?> answered = stack.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                // the request's timeout ends at the answer's headers: a body that never ends would hold the run for ever
                .orTimeout(REQUEST_TIMEOUT.plus(STALLED).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    long millis = (System.nanoTime() - t0) / 1_000_000;
                    if (failure != null) {
                        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        if (cause instanceof java.util.concurrent.TimeoutException) {
                            stalled.incrementAndGet();
                        }
                        String kind = cause instanceof java.net.http.HttpTimeoutException || cause instanceof java.util.concurrent.TimeoutException
                                ? "timeout" : "io";
                        answers.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                        failureMillis.add(millis);
                        return null;
                    }
                    int status = response.statusCode();
                    answers.computeIfAbsent(Integer.toString(status), k -> new AtomicInteger()).incrementAndGet();
                    JsonNode answer = response.body().isEmpty() || !response.headers().firstValue("Content-Type").orElse("").contains("json")
                            ? stack.json.createObjectNode() : stack.json.readTree(response.body());
                    if (status / 100 == 2) {
                        acknowledgedMillis.add(millis);
                    } else {
                        failureMillis.add(millis);
                        if (status / 100 == 4 && status != 409 && refusals.size() < 5) {
                            refusals.add(app.id() + " " + status + " " + response.body());
                        }
                        boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
                        if (status >= 500 && (status != 503 || !problem)) {
                            unexpected.add(app.id() + " " + status + " " + response.body());
                        }
                    }
                    onAnswer.accept(response, answer);
                    return null;
                });
        inFlight.add(answered);
    }

    Map<String, Integer> answersByKind() {
        Map<String, Integer> sorted = new TreeMap<>();
        answers.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }

    static long percentile(List<Long> values, double p) {
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    String summary() {
        return String.format(java.util.Locale.ROOT, "%d operations: %d registrations and %d bookings acknowledged; answers %s"
                        + " (%d of the timeouts stalled after their headers);"
                        + " acknowledged p50 %d ms, p99 %d ms; refused/failed p99 %d ms, max %d ms",
                sent.get() + bookingsTried(), registrations.size(), bookings.size(), answersByKind(), stalled.get(),
                percentile(acknowledgedMillis, 0.5), percentile(acknowledgedMillis, 0.99),
                percentile(failureMillis, 0.99), percentile(failureMillis, 1.0));
    }

    private int bookingsTried() {
        return answers.values().stream().mapToInt(AtomicInteger::get).sum() - sent.get();
    }
}
