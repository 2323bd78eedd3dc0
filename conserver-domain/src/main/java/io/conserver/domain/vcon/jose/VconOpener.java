package io.conserver.domain.vcon.jose;

import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Problem;
import io.conserver.domain.vcon.ReadResult;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.domain.vcon.VconForm;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a vCon in any of its forms (draft §1, with the -04 detection rule): gzip or not, then
 * unsigned, signed (JWS, verified, archive layers unwrapped) or encrypted (JWE, decrypted, then the
 * signed plaintext verified). What comes out is always a validated unsigned vCon, or an
 * {@link InvalidVconException}.
 *
 * <p>Without a decryption key an encrypted vCon is refused with a message saying so; without a
 * verifier a signed one is. Thread-safe; build one per key set.
 */
public final class VconOpener {
    private final VconCodec codec;
    private final Optional<VconVerifier> verifier;
    private final Optional<PrivateKey> decryptionKey;

    public VconOpener(VconCodec codec, Optional<VconVerifier> verifier, Optional<PrivateKey> decryptionKey) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.decryptionKey = Objects.requireNonNull(decryptionKey, "decryptionKey");
    }

    /** Opens unsigned vCons only; signed and encrypted ones are refused with a clear message. */
    public static VconOpener unsignedOnly(VconCodec codec) {
        return new VconOpener(codec, Optional.empty(), Optional.empty());
    }

    /**
     * What was opened.
     *
     * @param vcon        the unsigned vCon
     * @param form        the outermost form the input had
     * @param signerChain the certificates of the outermost signature, when the input was signed or encrypted
     * @param warnings    warnings from decryption, verification and validation together
     */
    public record Opened(Vcon vcon, VconForm form, List<X509Certificate> signerChain, List<Problem> warnings) {
        public Opened {
            signerChain = List.copyOf(signerChain);
            warnings = List.copyOf(warnings);
        }
    }

    public Opened open(byte[] bytes) {
        // Most input is a plain, current vCon, which the codec's fast path reads without a tree; signed,
        // encrypted, legacy or faulty input goes the long way below.
        Optional<ReadResult> current = codec.readFastIfCurrent(bytes);
        if (current.isPresent()) {
            return new Opened(current.get().vcon(), VconForm.UNSIGNED, List.of(), current.get().warnings());
        }
        JsonNode root = codec.readJson(bytes);
        VconForm form = VconForm.detect(root);
        List<Problem> warnings = new ArrayList<>();
        if (form == VconForm.ENCRYPTED) {
            PrivateKey key = decryptionKey.orElseThrow(() -> InvalidVconException.of("$",
                    "this vCon is encrypted and no decryption key is configured"));
            DecryptedVcon decrypted = VconDecryptor.open(root, key);
            warnings.addAll(decrypted.warnings());
            root = codec.readJson(decrypted.plaintext());
            if (VconForm.detect(root) != VconForm.SIGNED) {
                // The draft encrypts the signed form; an encrypted unsigned vCon is read but flagged.
                warnings.add(Problem.warning("$", "the encrypted vCon was not signed inside; its origin is unverified"));
                return opened(codec.readParsed(root), form, List.of(), warnings);
            }
        }
        if (VconForm.detect(root) == VconForm.SIGNED) {
            VconVerifier v = verifier.orElseThrow(() -> InvalidVconException.of("$",
                    "this vCon is signed and signature verification is not configured"));
            VerifiedVcon verified = v.verify(root);
            warnings.addAll(verified.warnings());
            return opened(codec.read(verified.payload()), form, verified.signerChain(), warnings);
        }
        return opened(codec.readParsed(root), form, List.of(), warnings);
    }

    private static Opened opened(ReadResult read, VconForm form, List<X509Certificate> chain, List<Problem> warnings) {
        List<Problem> all = new ArrayList<>(warnings);
        all.addAll(read.warnings());
        return new Opened(read.vcon(), form, chain, all);
    }
}
