package io.conserver.server.cli;

import io.conserver.domain.vcon.jose.DecryptedVcon;
import io.conserver.domain.vcon.jose.VconDecryptor;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vcon decrypt}: the JWE in, its plaintext (the signed vCon) out. */
@Command(name = "decrypt", mixinStandardHelpOptions = true, description = "Decrypt an encrypted vCon to its signed form.")
final class DecryptCommand implements Callable<Integer> {
    @Mixin
    ReadingOptions reading = new ReadingOptions();

    @Parameters(paramLabel = "FILE", description = "The encrypted vCon; - reads stdin.")
    Path file;

    @Mixin
    OutputOptions out = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (reading.key == null) {
            throw new CliException("decrypt needs --key", 2);
        }
        DecryptedVcon decrypted = VconDecryptor.open(reading.codec().readJson(CliFiles.read(file)),
                CliFiles.privateKey(reading.key));
        decrypted.warnings().forEach(w -> spec.commandLine().getErr().println(file + ": " + w));
        spec.commandLine().getErr().flush();
        out.emit(decrypted.plaintext(), spec);
        return 0;
    }
}
