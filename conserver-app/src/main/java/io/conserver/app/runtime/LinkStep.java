package io.conserver.app.runtime;

import io.conserver.domain.link.Link;
import java.time.Duration;

/** A link as one chain runs it: its instance name, the configured link, and its time limit. */
record LinkStep(String name, Link link, Duration timeout) {
}
