package io.hoithao.platform.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.function.Supplier;

/**
 * The W3C {@code traceparent} of the work in progress, kept with what is written now and done later (an
 * outbox entry, published by the relay after the request has been answered), so that the later work joins
 * the request's trace. Reads and sets OpenTelemetry's current context, which Micrometer Tracing's OpenTelemetry
 * bridge keeps in step with the current observation; without tracing there is no current span and nothing
 * is kept.
 */
public final class TraceContext {

    private static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> TRACEPARENT_ONLY = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private TraceContext() {
    }

    /** The current span as a {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or null when there is none. */
    public static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /**
     * Runs the work with the given {@code traceparent} as its parent: spans the work starts (a Kafka send, with
     * the record's {@code traceparent} header) belong to that trace. Without one, or with a malformed one, the
     * work runs in the current context.
     */
    public static <T> T within(String traceparent, Supplier<T> work) {
        if (traceparent == null || traceparent.isBlank()) {
            return work.get();
        }
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT_ONLY);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return work.get();
        }
        try (Scope scope = parent.makeCurrent()) {
            return work.get();
        }
    }
}
