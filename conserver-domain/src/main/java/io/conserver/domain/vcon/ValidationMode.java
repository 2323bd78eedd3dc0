package io.conserver.domain.vcon;

/**
 * How hard the validator is on real-world vCons.
 *
 * <p>{@link #LENIENT} accepts what producers in the wild commonly get wrong (a missing
 * {@code created_at}, a non-UUID {@code uuid}, {@code null} arrays, timestamps without a zone, an
 * attachment without {@code party}, a body without {@code encoding}) and reports each as a warning.
 * {@link #STRICT} reports those as errors. Both report the same SHOULD-level findings as warnings.
 */
public enum ValidationMode {
    STRICT,
    LENIENT
}
