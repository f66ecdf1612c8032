package io.hoithao.platform.web;

import java.util.function.Function;

/**
 * How a handler answers where a decided command ended: a service's domain says "done" or "refused" as plain values,
 * and the service's problems class names, once, which value a done result carries and which problem a refusal is.
 */
public final class Refusals {

    private Refusals() {
    }

    /**
     * The value that a {@code done} result carries, or else the result is a {@code refused} one and its problem is
     * thrown. Any other result is a bug: the class cast says so.
     */
    public static <D, F, V> V orThrow(Object result, Class<D> done, Function<? super D, ? extends V> value,
                                      Class<F> refused, Function<? super F, ProblemException> problem) {
        if (done.isInstance(result)) {
            return value.apply(done.cast(result));
        }
        throw problem.apply(refused.cast(result));
    }
}
