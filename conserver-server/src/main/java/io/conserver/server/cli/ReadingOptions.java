package io.conserver.server.cli;

import io.conserver.domain.vcon.ValidationMode;
import io.conserver.domain.vcon.ValidationOptions;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.domain.vcon.jose.TrustOptions;
import io.conserver.domain.vcon.jose.VconOpener;
import io.conserver.domain.vcon.jose.VconVerifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options every command that reads vCons shares: validation mode, limits, keys and trust. */
final class ReadingOptions {
    @Option(names = "--strict", description = "Report what lenient mode tolerates (missing created_at, ...) as errors.")
    boolean strict;

    @Option(names = "--extension", paramLabel = "NAME",
            description = "An extension this reader supports, so it may appear in 'critical'. Repeatable.")
    List<String> extensions = new ArrayList<>();

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "67108864",
            description = "Refuse inputs larger than this (after decompression). Default: ${DEFAULT-VALUE}.")
    long maxBytes;

    @Option(names = "--trust", paramLabel = "PEM",
            description = "Trust anchors (PEM certificates) for signed vCons. Without it a signed vCon's chain must only be consistent and current.")
    Path trust;

    @Option(names = "--key", paramLabel = "PEM", description = "Private key (PKCS#8 PEM) to decrypt encrypted vCons.")
    Path key;

    VconCodec codec() {
        if (maxBytes <= 0) {
            throw new CliException("--max-bytes must be positive", 2);
        }
        return new VconCodec(new ValidationOptions(strict ? ValidationMode.STRICT : ValidationMode.LENIENT,
                Set.copyOf(extensions), maxBytes));
    }

    VconOpener opener() {
        TrustOptions trustOptions = trust == null ? TrustOptions.anyRoot()
                : TrustOptions.anchoredAt(CliFiles.certificates(trust));
        return new VconOpener(codec(), Optional.of(new VconVerifier(trustOptions)),
                Optional.ofNullable(key).map(CliFiles::privateKey));
    }
}
