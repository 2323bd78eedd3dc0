package io.conserver.app.runtime;

import io.conserver.app.config.RetryPolicy;
import io.conserver.domain.port.out.Storage;

/** A configured storage with its retry policy and the dead-letter list its failed saves go to. */
record StorageStep(String name, Storage storage, RetryPolicy retry, String deadLetterList) {
}
