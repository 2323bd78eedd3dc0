package io.conserver.domain.vcon.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A JWE in General JSON Serialization whose shape and headers have been checked, ready to decrypt. */
final class JweMessage {
    static final Set<JWEAlgorithm> ALGORITHMS = Set.of(JWEAlgorithm.RSA_OAEP, JWEAlgorithm.RSA_OAEP_256);
    private static final Set<EncryptionMethod> METHODS = Set.of(EncryptionMethod.A128CBC_HS256,
            EncryptionMethod.A192CBC_HS384, EncryptionMethod.A256CBC_HS512, EncryptionMethod.A128GCM,
            EncryptionMethod.A192GCM, EncryptionMethod.A256GCM);

    /** A recipient we can try: its index, key-wrapping algorithm and wrapped key. */
    record Recipient(int index, JWEAlgorithm alg, Base64URL encryptedKey) {}

    private final List<Problem> problems = new ArrayList<>();
    final List<Problem> warnings = new ArrayList<>();
    final List<Recipient> recipients = new ArrayList<>();
    int recipientCount;
    byte[] aad;
    EncryptionMethod enc;
    Base64URL iv;
    Base64URL ciphertext;
    Base64URL tag;
    Optional<String> uuid = Optional.empty();

    private JweMessage() {}

    /** Checks {@code jwe} and reports every problem at once. */
    static JweMessage parse(JsonNode jwe) {
        if (jwe == null || !jwe.isObject()) {
            throw JoseSupport.failure("$", "an encrypted vCon must be a JSON object with ciphertext and recipients", null);
        }
        JweMessage message = new JweMessage();
        message.read(jwe);
        if (!message.problems.isEmpty()) {
            throw new InvalidVconException(message.problems);
        }
        return message;
    }

    private void read(JsonNode jwe) {
        String protectedText = jwe.has("protected") ? base64url(jwe, "protected") : "";
        JsonNode protectedHeader = protectedText == null || protectedText.isEmpty() ? null : protectedHeader(protectedText);
        JsonNode unprotected = jwe.get("unprotected");
        if (unprotected != null && !unprotected.isObject()) {
            problems.add(Problem.error("unprotected", "must be an object"));
            unprotected = null;
        }
        String aadText = jwe.has("aad") ? base64url(jwe, "aad") : null;
        // RFC 7516 §5.1 step 14: the AAD is the encoded protected header, then "." and the aad member if any.
        String encodedProtected = protectedText == null ? "" : protectedText;
        aad = JoseSupport.ascii(aadText == null ? encodedProtected : encodedProtected + "." + aadText);
        iv = toBase64(base64url(jwe, "iv"));
        ciphertext = toBase64(base64url(jwe, "ciphertext"));
        tag = toBase64(base64url(jwe, "tag"));
        JoseHeaders shared = new JoseHeaders(List.of(new JoseHeaders.Source("unprotected", unprotected),
                new JoseHeaders.Source("protected", protectedHeader)), problems);
        readShared(shared);
        readRecipients(jwe.get("recipients"), unprotected, protectedHeader);
    }

    private void readShared(JoseHeaders shared) {
        shared.rejectCritical();
        shared.find("zip").ifPresent(f -> problems.add(Problem.error(f.path(),
                "compressed JWE content (zip) is not supported; a vCon is compressed with gzip before encrypting")));
        Optional<String> encName = shared.text("enc");
        if (encName.isEmpty() && shared.find("enc").isEmpty()) {
            problems.add(Problem.error(shared.expectedPath("enc"), "enc is missing; use A256CBC-HS512"));
        }
        encName.ifPresent(name -> {
            enc = EncryptionMethod.parse(name);
            if (!METHODS.contains(enc)) {
                problems.add(Problem.error(shared.find("enc").orElseThrow().path(), "enc " + name
                        + " is not supported; use A256CBC-HS512"));
            }
        });
        Optional<String> cty = shared.text("cty");
        if (cty.isPresent() && !cty.get().toLowerCase(Locale.ROOT).startsWith("application/vcon")) {
            problems.add(Problem.error(shared.find("cty").orElseThrow().path(), "cty " + cty.get()
                    + " is not a vCon media type; expected application/vcon"));
        } else if (cty.isEmpty() && shared.find("cty").isEmpty()) {
            warnings.add(Problem.warning("unprotected.cty", "cty is missing; it should be application/vcon"));
        }
        Optional<JoseHeaders.Found> uuidFound = shared.find("uuid");
        if (uuidFound.isPresent() && !uuidFound.get().value().isTextual()) {
            warnings.add(Problem.warning(uuidFound.get().path(), "uuid should be a string"));
        }
        uuid = uuidFound.map(JoseHeaders.Found::value).filter(JsonNode::isTextual).map(JsonNode::textValue);
    }

    private void readRecipients(JsonNode list, JsonNode unprotected, JsonNode protectedHeader) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(Problem.error("recipients", "must be a non-empty array of recipient objects"));
            return;
        }
        recipientCount = list.size();
        for (int i = 0; i < list.size(); i++) {
            int index = i;
            String path = "recipients[" + i + "]";
            JsonNode entry = list.get(i);
            JsonNode header = entry.get("header");
            if (!entry.isObject() || header != null && !header.isObject()) {
                problems.add(Problem.error(path, "must be an object with a header object and an encrypted_key"));
                continue;
            }
            JoseHeaders headers = new JoseHeaders(List.of(new JoseHeaders.Source(path + ".header", header),
                    new JoseHeaders.Source("protected", protectedHeader),
                    new JoseHeaders.Source("unprotected", unprotected)), problems);
            Optional<String> alg = headers.text("alg");
            if (alg.isEmpty() && headers.find("alg").isEmpty()) {
                problems.add(Problem.error(path + ".header.alg", "alg is missing; use RSA-OAEP"));
            }
            Base64URL encryptedKey = toBase64(base64url(entry, "encrypted_key", path + ".encrypted_key"));
            // A recipient for another kind of key is not an error: the JWE may be addressed to others too.
            alg.map(JWEAlgorithm::parse).filter(ALGORITHMS::contains).filter(a -> encryptedKey != null)
                    .ifPresent(a -> recipients.add(new Recipient(index, a, encryptedKey)));
        }
    }

    private JsonNode protectedHeader(String text) {
        Optional<JsonNode> parsed = JoseSupport.decode(text).flatMap(JoseSupport::parse);
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            problems.add(Problem.error("protected", "must be the base64url of a JSON object"));
            return null;
        }
        return parsed.get();
    }

    private String base64url(JsonNode object, String name) {
        return base64url(object, name, name);
    }

    private String base64url(JsonNode object, String name, String path) {
        JsonNode value = object.get(name);
        if (value == null || !value.isTextual() || JoseSupport.decode(value.textValue()).isEmpty()) {
            problems.add(Problem.error(path, value == null ? "is missing" : "must be an unpadded base64url string"));
            return null;
        }
        return value.textValue();
    }

    private static Base64URL toBase64(String text) {
        return text == null ? null : new Base64URL(text);
    }
}
