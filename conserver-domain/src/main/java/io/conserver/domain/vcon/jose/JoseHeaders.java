package io.conserver.domain.vcon.jose;

import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.domain.vcon.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JOSE header of one signature or recipient, spread over several JSON objects. The vCon draft
 * repeats {@code alg}, {@code x5c} and {@code enc} in more than one of them, which RFC 7515/7516 forbid;
 * we accept a repeat when the values agree and report an error when they differ, so an attacker cannot
 * show one value to the integrity check and another to us.
 */
final class JoseHeaders {
    /** One header object ({@code null} when absent) and the path that names it. */
    record Source(String path, JsonNode header) {}

    /** A parameter's value and the path it was read from. */
    record Found(JsonNode value, String path) {}

    private final List<Source> sources;
    private final List<Problem> problems;
    // Remembered so that asking twice for a parameter reports a conflict once.
    private final Map<String, Optional<Found>> found = new HashMap<>();

    /** Sources in order of preference; problems found while reading are added to {@code problems}. */
    JoseHeaders(List<Source> sources, List<Problem> problems) {
        this.sources = sources;
        this.problems = problems;
    }

    Optional<Found> find(String name) {
        return found.computeIfAbsent(name, this::lookUp);
    }

    private Optional<Found> lookUp(String name) {
        Found first = null;
        for (Source source : sources) {
            JsonNode value = source.header() == null ? null : source.header().get(name);
            if (value == null) {
                continue;
            }
            String path = source.path() + "." + name;
            if (first == null) {
                first = new Found(value, path);
            } else if (!first.value().equals(value)) {
                problems.add(Problem.error(path, name + " differs from " + first.path()
                        + "; a parameter repeated across headers must have one value"));
            }
        }
        return Optional.ofNullable(first);
    }

    /** A parameter that must be a string when present. */
    Optional<String> text(String name) {
        Optional<Found> found = find(name);
        if (found.isPresent() && !found.get().value().isTextual()) {
            problems.add(Problem.error(found.get().path(), name + " must be a string"));
            return Optional.empty();
        }
        return found.map(f -> f.value().textValue());
    }

    /** Where a missing parameter should have been: the first source. */
    String expectedPath(String name) {
        return sources.get(0).path() + "." + name;
    }

    /** Rejects {@code crit}: we understand no extension parameters, and RFC 7515 §4.1.11 says to fail. */
    void rejectCritical() {
        find("crit").ifPresent(f -> problems.add(Problem.error(f.path(),
                "critical header parameters are not supported")));
    }
}
