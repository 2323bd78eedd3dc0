package io.conserver.app.config;

import java.util.Objects;

/** One thing wrong with the configuration, at a dotted path such as {@code links.tagger.options.tags}. */
public record ConfigProblem(String path, String message) {
    public ConfigProblem {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
