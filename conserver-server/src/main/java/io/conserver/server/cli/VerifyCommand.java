package io.conserver.server.cli;

import io.conserver.domain.vcon.VconForm;
import io.conserver.domain.vcon.jose.VconOpener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vcon verify}: checks the signatures (and the inner vCon); exit 0 only when all hold. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a signed (or encrypted, with --key) vCon: signatures, certificate chain, contents.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    ReadingOptions reading = new ReadingOptions();

    @Parameters(paramLabel = "FILE", description = "The signed vCon; - reads stdin.")
    Path file;

    @Option(names = "--payload", description = "Print the verified unsigned vCon on stdout.")
    boolean payload;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        VconOpener.Opened opened = reading.opener().open(CliFiles.read(file));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (opened.form() == VconForm.UNSIGNED) {
            err.println(file + ": not signed");
            err.flush();
            return VconCommand.INVALID;
        }
        opened.warnings().forEach(w -> err.println(file + ": " + w));
        err.println(file + ": signature valid, uuid " + opened.vcon().uuid() + ", signed by "
                + opened.signerChain().get(0).getSubjectX500Principal().getName());
        err.flush();
        if (payload) {
            CliFiles.write(reading.codec().write(opened.vcon()), null, false, out);
        }
        return 0;
    }
}
