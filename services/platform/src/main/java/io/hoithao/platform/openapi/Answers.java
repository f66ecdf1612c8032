package io.hoithao.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Statuses a handler answers that neither its mapping nor the platform's rules tell ({@link ApiDocumentation}):
 * a second success (a booking that waits: 202 beside 201) documented with the main success's body, or an error
 * of the service's own (422), documented as a problem. The main success status is {@code @ResponseStatus}'s.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Answers {

    /** The extra statuses. */
    int[] value();

    /** What they mean, for the document (one sentence). */
    String description() default "";
}
