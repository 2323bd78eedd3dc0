package io.conserver.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Every error the API answers with: the status, a category word, a sentence, and where the input
 * was at fault, each problem with its path. Never a stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, List<Item> problems) {

    /** One problem with a path into the input ({@code dialog[2].parties[0]}, {@code chains.main.links}). */
    public record Item(String path, String severity, String message) {
        /** A vCon library problem as the API shows it. */
        public static Item of(io.conserver.domain.vcon.Problem problem) {
            return new Item(problem.path(), problem.severity().name().toLowerCase(java.util.Locale.ROOT), problem.message());
        }
    }

    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, List.of());
    }
}
