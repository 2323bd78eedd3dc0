package io.conserver.domain.archfixture;

import picocli.CommandLine;

/** A deliberate violation, in test sources only: proves the domain rule fails when it should. */
public final class DomainClassUsingAFramework {
    private DomainClassUsingAFramework() {
    }

    public static CommandLine commandLine(Object command) {
        return new CommandLine(command);
    }
}
