package io.conserver.server.cli;

import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Problem;
import io.conserver.domain.vcon.jose.VconOpener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vcon validate FILE...}: every problem of every file with its path; exit 0 if all are valid. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate vCon files (any generation, plain, gzip, signed or encrypted) and print every problem.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ReadingOptions reading = new ReadingOptions();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "vCon files; - reads stdin.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        VconOpener opener = reading.opener();
        PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        for (Path file : files) {
            List<Problem> problems;
            boolean valid;
            try {
                problems = opener.open(CliFiles.read(file)).warnings();
                valid = true;
            } catch (InvalidVconException e) {
                problems = e.problems();
                valid = false;
            } catch (CliException e) {
                problems = List.of(Problem.error("$", e.getMessage()));
                valid = false;
            }
            problems.forEach(p -> out.println(file + ": " + p));
            long errors = problems.stream().filter(Problem::isError).count();
            out.println(file + ": " + (valid ? "valid" : "invalid") + " (" + errors + " errors, "
                    + (problems.size() - errors) + " warnings)");
            allValid &= valid;
        }
        out.flush();
        return allValid ? 0 : VconCommand.INVALID;
    }
}
