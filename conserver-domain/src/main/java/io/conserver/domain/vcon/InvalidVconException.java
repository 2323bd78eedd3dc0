package io.conserver.domain.vcon;

import io.conserver.domain.error.ConserverException;
import io.conserver.domain.error.ErrorCategory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The only exception the vCon library throws for bad input: whatever the bytes, a reader either
 * returns a vCon or throws this, carrying every problem found (errors and the warnings seen with
 * them), each with its path.
 */
public final class InvalidVconException extends ConserverException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidVconException(List<Problem> problems) {
        this(ErrorCategory.INVALID_INPUT, problems, null);
    }

    public InvalidVconException(ErrorCategory category, List<Problem> problems, Throwable cause) {
        super(category, summary(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** One problem at one path: the common case for input that is not a vCon at all. */
    public static InvalidVconException of(String path, String message) {
        return new InvalidVconException(List.of(Problem.error(path, message)));
    }

    /** Input larger than the configured limit. */
    public static InvalidVconException tooLarge(long limitBytes) {
        return new InvalidVconException(ErrorCategory.TOO_LARGE,
                List.of(Problem.error("$", "the vCon is larger than the limit of " + limitBytes + " bytes")), null);
    }

    /** Every problem found, errors first in document order, then warnings. */
    public List<Problem> problems() {
        return problems;
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    private static String summary(List<Problem> problems) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        List<Problem> shown = errors.isEmpty() ? problems : errors;
        String head = "invalid vCon: " + shown.size() + (shown.size() == 1 ? " problem" : " problems");
        return shown.stream().limit(20).map(Problem::toString)
                .collect(Collectors.joining("; ", head + ": ", shown.size() > 20 ? "; ..." : ""));
    }
}
