package io.conserver.app.runtime;

import java.time.Duration;

/**
 * Told about every link, storage and chain that finishes, so the server can keep metrics without
 * the runtime knowing any metrics library. Called on worker threads; must be quick and not throw.
 */
public interface RunListener {
    RunListener NONE = new RunListener() { };

    /** A link attempt ended with {@code outcome} ({@code continue}, {@code halt}, {@code error}, ...). */
    default void linkFinished(String chain, String link, String outcome, Duration took) {
    }

    /** A storage save ended, {@code saved} or {@code dead_letter}. */
    default void storageFinished(String chain, String storage, String outcome, Duration took) {
    }

    /** A run ended ({@code done}, {@code halt}, {@code handoff}, {@code error}). */
    default void chainFinished(String chain, String outcome, Duration took) {
    }
}
