package io.conserver.app.link.support;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

/**
 * Every entry of the annotated list of strings must be non-blank. Unlike {@code List<@NotBlank String>},
 * the violation is reported on the list itself ({@code links.x.options.emit_to: entry 1 must not be
 * blank}) rather than on a container-element path. A null list is valid.
 */
@Documented
@Constraint(validatedBy = NoBlankEntries.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface NoBlankEntries {

    /** Unused: the message names the offending entry. */
    String message() default "must not contain blank entries";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Validation payload. */
    Class<? extends Payload>[] payload() default {};

    /** Checks {@link NoBlankEntries}. */
    final class Validator implements ConstraintValidator<NoBlankEntries, List<String>> {
        @Override
        public boolean isValid(List<String> value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (int i = 0; i < value.size(); i++) {
                if (value.get(i) == null || value.get(i).isBlank()) {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate("entry " + i + " must not be blank")
                            .addConstraintViolation();
                    return false;
                }
            }
            return true;
        }
    }
}
