package io.conserver.app.link.validate;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.conserver.app.config.CheckOptionRules;
import io.conserver.app.config.OptionRules;
import io.conserver.app.link.LinkFailedException;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkContext;
import io.conserver.domain.link.LinkInput;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Problem;
import io.conserver.domain.vcon.ValidationMode;
import io.conserver.domain.vcon.ValidationOptions;
import io.conserver.domain.vcon.VconCodec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the vCon against the vCon specification with the library validator. A valid vCon goes on
 * unchanged (warnings do not make it invalid). An invalid one halts the chain with its errors and
 * their paths, or, with {@code on_invalid: fail}, fails the link with a {@link LinkFailedException},
 * which the runtime dead-letters without retrying.
 */
public final class ValidateLink implements Link {
    private final VconCodec codec;
    private final OnInvalid onInvalid;

    ValidateLink(Options options) {
        this.codec = new VconCodec(new ValidationOptions(options.mode().validationMode(), options.extensions(),
                ValidationOptions.DEFAULT_MAX_BYTES));
        this.onInvalid = options.onInvalid();
    }

    @Override
    public LinkOutcome apply(LinkInput input, LinkContext context) {
        List<Problem> errors = codec.validate(input.vcon()).stream().filter(Problem::isError).toList();
        if (errors.isEmpty()) {
            return LinkOutcome.unchanged();
        }
        InvalidVconException invalid = new InvalidVconException(errors);
        if (onInvalid == OnInvalid.FAIL) {
            throw new LinkFailedException("vCon " + input.uuid() + " is invalid: " + invalid.getMessage(), invalid);
        }
        return LinkOutcome.halt(invalid.getMessage());
    }

    /** How hard the validator is; see {@link ValidationMode}. */
    public enum Mode {
        @JsonProperty("strict") STRICT(ValidationMode.STRICT),
        @JsonProperty("lenient") LENIENT(ValidationMode.LENIENT);

        private final ValidationMode validationMode;

        Mode(ValidationMode validationMode) {
            this.validationMode = validationMode;
        }

        ValidationMode validationMode() {
            return validationMode;
        }
    }

    /** What an invalid vCon leads to. */
    public enum OnInvalid {
        /** The chain stops here; the vCon is neither stored nor sent on. */
        @JsonProperty("halt") HALT,
        /** The link fails and the runtime dead-letters the vCon. */
        @JsonProperty("fail") FAIL
    }

    /**
     * @param mode       {@code strict} (default) or {@code lenient}
     * @param extensions extension names this deployment supports; a vCon listing any other in
     *                   {@code critical} is invalid (default none)
     * @param onInvalid  {@code halt} (default) or {@code fail}
     */
    @CheckOptionRules
    public record Options(Mode mode, Set<String> extensions, OnInvalid onInvalid) implements OptionRules {
        public Options {
            mode = mode == null ? Mode.STRICT : mode;
            extensions = extensions == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(extensions));
            onInvalid = onInvalid == null ? OnInvalid.HALT : onInvalid;
        }

        @Override
        public Map<String, String> ruleViolations() {
            Map<String, String> violations = new LinkedHashMap<>();
            if (extensions.stream().anyMatch(name -> name == null || name.isBlank())) {
                violations.put("extensions", "extension names must not be blank");
            }
            return violations;
        }
    }
}
