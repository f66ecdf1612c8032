package io.hoithao.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The load harness, on the JDK's HTTP client (HTTP/1.1, a connection per request in flight, as
 * browsers behind many addresses would open them). Three shapes: a crowd (every request sent at
 * once), a closed loop (a fixed number of clients, each sending its next request when the last
 * one is answered) and a steady rate (requests sent on a clock, whatever the answers do).
 * Failures never throw: a request without an answer is a sample with status 0.
 */
public final class Load implements AutoCloseable {

    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-clock");
        t.setDaemon(true);
        return t;
    });

    public Load() {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20)).build();
    }

    public HttpClient http() {
        return http;
    }

    /** Sends one request and records it; {@code outcome} reads something from the answer (may be null). */
    public CompletableFuture<Sample> send(HttpRequest request, Function<HttpResponse<String>, String> outcome) {
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    long end = System.nanoTime();
                    if (failure != null || response == null) {
                        return new Sample(start, end, 0, failure == null ? null : failure.getClass().getSimpleName());
                    }
                    String o = null;
                    try {
                        o = outcome == null ? null : outcome.apply(response);
                    } catch (RuntimeException e) {
                        o = "unreadable";
                    }
                    return new Sample(start, end, response.statusCode(), o);
                });
    }

    /** Every request sent at once; returns when all are answered (or timed out). */
    public List<Sample> crowd(List<HttpRequest> requests, Function<HttpResponse<String>, String> outcome) {
        List<CompletableFuture<Sample>> inFlight = new ArrayList<>(requests.size());
        for (HttpRequest request : requests) {
            inFlight.add(send(request, outcome));
        }
        return inFlight.stream().map(CompletableFuture::join).toList();
    }

    /** {@code clients} clients, each sending its next request as soon as its last one is answered, for {@code duration}. */
    public List<Sample> closedLoop(int clients, Duration duration, Supplier<HttpRequest> request) {
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + duration.toNanos();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loop(request, samples, deadline, done);
            loops.add(done);
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
        return List.copyOf(samples);
    }

    private void loop(Supplier<HttpRequest> request, List<Sample> samples, long deadline, CompletableFuture<Void> done) {
        if (System.nanoTime() >= deadline) {
            done.complete(null);
            return;
        }
        send(request.get(), null).whenComplete((sample, failure) -> {
            if (sample != null) {
                samples.add(sample);
            }
            loop(request, samples, deadline, done);
        });
    }

    /**
     * {@code count} requests at {@code perSecond}, sent on a clock; {@code answered} sees each answer
     * (with its index) as it arrives. Returns when all are answered.
     */
    public List<Sample> steadyRate(int count, double perSecond, IntFunction<HttpRequest> request,
                                   Function<HttpResponse<String>, String> outcome, BiConsumer<Integer, Sample> answered) {
        List<CompletableFuture<Sample>> inFlight = Collections.synchronizedList(new ArrayList<>());
        long periodNanos = (long) (1e9 / perSecond);
        CompletableFuture<Void> allSent = new CompletableFuture<>();
        AtomicBoolean stop = new AtomicBoolean();
        int[] next = {0};
        var task = clock.scheduleAtFixedRate(() -> {
            if (stop.get()) {
                return;
            }
            int i = next[0]++;
            if (i >= count) {
                stop.set(true);
                allSent.complete(null);
                return;
            }
            CompletableFuture<Sample> f = send(request.apply(i), outcome);
            f.thenAccept(sample -> answered.accept(i, sample));
            inFlight.add(f);
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        allSent.join();
        task.cancel(false);
        synchronized (inFlight) {
            return inFlight.stream().map(CompletableFuture::join).toList();
        }
    }

    public ScheduledExecutorService clock() {
        return clock;
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
