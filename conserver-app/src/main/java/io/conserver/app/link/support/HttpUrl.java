package io.conserver.app.link.support;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated {@link java.net.URI}, or every URI of the annotated list, must be an absolute
 * {@code http} or {@code https} URL with a host. Null is valid; combine with {@code @NotNull} or
 * {@code @NotEmpty}. Violations name list entries by index, never by value, since URLs may carry
 * tokens.
 */
@Documented
@Constraint(validatedBy = {HttpUrlValidator.ForUri.class, HttpUrlValidator.ForList.class})
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface HttpUrl {

    /** The message for a single URI; a list's message names the offending entry instead. */
    String message() default "must be an absolute http or https URL";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Validation payload. */
    Class<? extends Payload>[] payload() default {};
}
