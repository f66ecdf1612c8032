package io.hoithao.bench;

/**
 * One request: when it was sent and answered (nanoseconds on {@link System#nanoTime()}), its HTTP
 * status (0 when no answer came: refused connection, timeout) and an optional outcome read from the body.
 */
public record Sample(long startNanos, long endNanos, int status, String outcome) {

    public double latencyMillis() {
        return (endNanos - startNanos) / 1e6;
    }

    public boolean isServerError() {
        return status >= 500;
    }

    public boolean isNoAnswer() {
        return status == 0;
    }
}
