package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.domain.error.ErrorCategory;
import java.util.List;

/**
 * Feeds arbitrary bytes to every reader. The contract: a vCon comes back or an
 * {@link InvalidVconException} that is not {@link ErrorCategory#INTERNAL}; anything else is a bug.
 * A vCon that was read must also survive a write and a second read unchanged.
 *
 * <p>By default ({@code ./mvnw test}) this runs the seeds in
 * {@code src/test/resources/io/conserver/domain/vcon/VconFuzzTestInputs/<method>/} as regression
 * tests. The {@code fuzz} surefire execution ({@code ./mvnw verify}) sets {@code JAZZER_FUZZ=1}
 * and fuzzes for {@code maxDuration} (override with e.g. {@code JAZZER_MAX_DURATION=10m}); the corpus
 * it grows lives in {@code conserver-domain/.cifuzz-corpus/}, and an input that fails is written next
 * to the seeds, where it becomes a regression test. Jazzer fuzzes one {@code @FuzzTest} per run, so
 * every reader is exercised from this single method.
 */
class VconFuzzTest {
    private static final List<VconCodec> CODECS = List.of(VconCodec.lenient(), VconCodec.strict());
    private static final List<VconValidator> VALIDATORS =
            List.of(new VconValidator(ValidationOptions.lenient()), new VconValidator(ValidationOptions.strict()));

    @DictionaryEntries({"\"vcon\"", "\"0.0.1\"", "\"0.3.0\"", "\"0.4.0\"", "\"uuid\"", "\"created_at\"",
        "\"2025-01-31T12:34:56Z\"", "\"parties\"", "\"dialog\"", "\"analysis\"", "\"attachments\"", "\"type\"",
        "\"recording\"", "\"text\"", "\"transfer\"", "\"incomplete\"", "\"recording-set\"", "\"recordings\"",
        "\"recording_set\"", "\"body\"", "\"encoding\"", "\"json\"", "\"base64url\"", "\"base64\"", "\"none\"",
        "\"url\"", "\"content_hash\"", "\"sha512-", "\"mimetype\"", "\"mediatype\"", "\"alg\"", "\"SHA-512\"",
        "\"signature\"", "\"appended\"", "\"amended\"", "\"redacted\"", "\"must_support\"", "\"critical\"",
        "\"session_id\"", "\"party_history\"", "\"transfer-target\"", "\"target-dialog\"", "\"civicaddress\"",
        "\"disposition\"", "\"duration\"", "\"start\"", "\"originator\"", "\"payload\"", "\"signatures\"",
        "\"local\"", "\"remote\"", "\"event\"", "\"time\"", "\"button\"", "\"party\"", "\"purpose\"",
        "\"audio\"", "1e999999999", "\\ud800"})
    @FuzzTest(maxDuration = "45s")
    void readersAnswerWithAVconOrInvalidVconException(byte[] data) {
        for (VconCodec codec : CODECS) {
            readWriteRead(codec, data);
        }
        JsonNode tree;
        try {
            tree = CODECS.get(0).readJson(data);
        } catch (InvalidVconException e) {
            assertNotInternal(e);
            return;
        }
        for (VconValidator validator : VALIDATORS) {
            validator.validate(tree);
        }
    }

    private static void readWriteRead(VconCodec codec, byte[] data) {
        ReadResult first;
        try {
            first = codec.read(data);
        } catch (InvalidVconException e) {
            assertNotInternal(e);
            return;
        }
        byte[] written = codec.write(first.vcon());
        Vcon again = codec.parse(written);
        assertThat(again).isEqualTo(first.vcon());
        assertThat(codec.write(again)).isEqualTo(written);
    }

    private static void assertNotInternal(InvalidVconException e) {
        if (e.category() == ErrorCategory.INTERNAL) {
            throw new AssertionError("a mapping bug reached the caller: " + e.getMessage(), e);
        }
        assertThat(e.problems()).isNotEmpty();
    }
}
