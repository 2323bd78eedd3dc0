package io.conserver.server.cli;

import io.conserver.domain.vcon.InvalidVconException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code conserver vcon}: the vCon library on the command line. Exit codes: 0 success, 1 the input
 * is invalid or does not verify, 2 the command was used wrongly.
 */
@Command(name = "vcon", mixinStandardHelpOptions = true, version = "conserver vcon 0.1",
        description = "Validate, migrate, build, sign, verify, encrypt and decrypt vCons.",
        subcommands = {ValidateCommand.class, MigrateCommand.class, NewCommand.class, SignCommand.class,
            VerifyCommand.class, EncryptCommand.class, DecryptCommand.class})
public final class VconCommand implements Runnable {
    public static final int INVALID = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a sub-command");
    }

    /** The configured command line; tests use it with their own output writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new VconCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InvalidVconException invalid) {
                invalid.problems().forEach(p -> commandLine.getErr().println(p));
                return INVALID;
            }
            if (e instanceof CliException cli1) {
                commandLine.getErr().println("error: " + cli1.getMessage());
                return cli1.exitCode();
            }
            commandLine.getErr().println("error: " + e);
            return INVALID;
        });
        return cli;
    }
}
