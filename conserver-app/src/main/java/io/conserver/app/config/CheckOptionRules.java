package io.conserver.app.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** Runs the {@link OptionRules} of the annotated options record as Bean Validation constraints. */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CheckOptionRules.Validator.class)
public @interface CheckOptionRules {

    /** Unused: each violation carries its own message. */
    String message() default "options break a rule";

    /** Bean Validation groups. */
    Class<?>[] groups() default {};

    /** Bean Validation payload. */
    Class<? extends Payload>[] payload() default {};

    /** Reports each rule violation at the option it names. */
    final class Validator implements ConstraintValidator<CheckOptionRules, OptionRules> {
        @Override
        public boolean isValid(OptionRules options, ConstraintValidatorContext context) {
            if (options == null) {
                return true;
            }
            Map<String, String> violations = options.ruleViolations();
            if (violations.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            violations.forEach((option, message) -> context.buildConstraintViolationWithTemplate(literal(message))
                    .addPropertyNode(option).addConstraintViolation());
            return false;
        }

        /** Messages may quote user input; keep the interpolator from reading it as a template. */
        private static String literal(String message) {
            return message.replaceAll("([\\\\{}$])", "\\\\$1");
        }
    }
}
