package io.conserver.app.config;

import io.conserver.domain.error.ConserverException;
import io.conserver.domain.error.ErrorCategory;
import java.util.List;
import java.util.stream.Collectors;

/** The configuration (a file, or a change sent to the API) is wrong; carries every problem found at once. */
public final class InvalidConfigException extends ConserverException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(ErrorCategory.INVALID_INPUT, describe(problems));
        this.problems = List.copyOf(problems);
    }

    public static InvalidConfigException of(String path, String message) {
        return new InvalidConfigException(List.of(new ConfigProblem(path, message)));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        return "invalid configuration: " + problems.stream().map(ConfigProblem::toString)
                .collect(Collectors.joining("; "));
    }
}
