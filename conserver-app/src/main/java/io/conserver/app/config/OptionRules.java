package io.conserver.app.config;

import java.util.Map;

/**
 * An options record whose rules a field annotation cannot say: one option's range depends on
 * another, two options exclude each other, a string must parse. Annotate the record with
 * {@link CheckOptionRules} so the rules run with its other constraints and are reported at the
 * option they concern ({@code links.sample.options.value: ...}).
 */
public interface OptionRules {

    /**
     * What is wrong, keyed by record component name ({@code value}, or {@code tags[2]} for one
     * element); empty when the options are fine. Runs after binding, before field constraints are
     * known to hold, so it must tolerate nulls.
     */
    Map<String, String> ruleViolations();
}
