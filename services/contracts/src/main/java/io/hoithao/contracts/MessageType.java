package io.hoithao.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable, versioned type name of a message, such as {@code registrations.RegistrationConfirmed.v1}.
 * It travels as the CloudEvents {@code ce_type} header and never depends on the Java class name,
 * so classes may be renamed or moved without breaking consumers.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface MessageType {

    String value();
}
