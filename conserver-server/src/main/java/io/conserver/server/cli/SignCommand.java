package io.conserver.server.cli;

import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.domain.vcon.VconForm;
import io.conserver.domain.vcon.jose.VconSigner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vcon sign}: validates an unsigned vCon and signs it into the draft's JWS general form with x5c. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Sign a vCon (JWS general JSON serialization, RS256, x5c and uuid headers).")
final class SignCommand implements Callable<Integer> {
    @Mixin
    ReadingOptions reading = new ReadingOptions();

    @Option(names = "--signing-key", required = true, paramLabel = "PEM", description = "The signer's private key (PKCS#8 PEM).")
    Path signingKey;

    @Option(names = "--cert", required = true, paramLabel = "PEM",
            description = "The signer's certificate chain, leaf first (PEM).")
    Path cert;

    @Parameters(paramLabel = "FILE", description = "The vCon to sign; - reads stdin. A signed vCon is wrapped in a new layer.")
    Path file;

    @Mixin
    OutputOptions out = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        byte[] input = CliFiles.read(file);
        VconCodec codec = reading.codec();
        // Re-signing a signed vCon (long-term archiving) wraps the verified JWS as the new payload.
        Vcon vcon = reading.opener().open(input).vcon();
        byte[] payload = VconForm.detect(codec.readJson(input)) == VconForm.SIGNED ? input : codec.write(vcon);
        out.emit(VconSigner.sign(payload, vcon.uuid(), CliFiles.privateKey(signingKey), CliFiles.certificates(cert)),
                spec);
        return 0;
    }
}
