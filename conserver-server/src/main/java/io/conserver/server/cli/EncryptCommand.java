package io.conserver.server.cli;

import io.conserver.domain.vcon.VconForm;
import io.conserver.domain.vcon.jose.VconEncryptor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vcon encrypt}: a signed vCon in, the JWE general form out (RSA-OAEP, A256CBC-HS512). */
@Command(name = "encrypt", mixinStandardHelpOptions = true,
        description = "Encrypt a signed vCon for one or more recipients (JWE general JSON serialization).")
final class EncryptCommand implements Callable<Integer> {
    @Mixin
    ReadingOptions reading = new ReadingOptions();

    @Option(names = "--recipient", required = true, paramLabel = "PEM",
            description = "A recipient's certificate (PEM). Repeatable.")
    List<Path> recipients;

    @Parameters(paramLabel = "FILE", description = "The signed vCon; - reads stdin.")
    Path file;

    @Mixin
    OutputOptions out = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        byte[] input = CliFiles.read(file);
        if (VconForm.detect(reading.codec().readJson(input)) != VconForm.SIGNED) {
            // The draft encrypts the signed form, so a recipient can check who sent it.
            throw new CliException(file + " is not signed; sign it first (vcon sign)", VconCommand.INVALID);
        }
        String uuid = reading.opener().open(input).vcon().uuid();
        List<Object> certs = recipients.stream().<Object>map(p -> CliFiles.certificates(p).get(0)).toList();
        out.emit(VconEncryptor.encrypt(input, uuid, certs), spec);
        return 0;
    }
}
