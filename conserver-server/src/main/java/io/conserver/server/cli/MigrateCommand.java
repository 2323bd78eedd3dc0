package io.conserver.server.cli;

import io.conserver.domain.vcon.jose.VconOpener;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vcon migrate FILE}: any older generation in, the current form out; what changed goes to stderr. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Rewrite a vCon of any generation (0.0.1 to 0.4.0, unversioned) in the current form.")
final class MigrateCommand implements Callable<Integer> {
    @Mixin
    ReadingOptions reading = new ReadingOptions();

    @Parameters(paramLabel = "FILE", description = "The vCon to migrate; - reads stdin.")
    Path file;

    @Mixin
    OutputOptions out = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        VconOpener.Opened opened = reading.opener().open(CliFiles.read(file));
        opened.warnings().forEach(w -> spec.commandLine().getErr().println(file + ": " + w));
        spec.commandLine().getErr().flush();
        out.emit(reading.codec().write(opened.vcon()), spec);
        return 0;
    }
}
