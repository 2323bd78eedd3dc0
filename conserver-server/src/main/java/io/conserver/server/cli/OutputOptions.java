package io.conserver.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where a command writes the vCon it produces: stdout or {@code -o FILE}, compact or indented. */
final class OutputOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout.")
    Path output;

    @Option(names = "--pretty", description = "Indent the output.")
    boolean pretty;

    void emit(byte[] json, CommandSpec spec) {
        CliFiles.write(json, output, pretty, spec.commandLine().getOut());
    }

    void emit(JsonNode json, CommandSpec spec) {
        CliFiles.write(json, output, pretty, spec.commandLine().getOut());
    }
}
