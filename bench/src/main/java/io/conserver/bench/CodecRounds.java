package io.conserver.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conserver.domain.vcon.ReadResult;
import io.conserver.domain.vcon.VconCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The work of {@link VconCodecBenchmark} (parse + validate + write of one vCon, against plain Jackson
 * reading the same bytes into a tree and writing it back) measured in alternating short rounds.
 *
 * <p>Why beside JMH: on the shared machine the speed of a core drifts by a factor of two within a
 * minute. JMH runs one benchmark to the end before the other starts, so its "same-run" ratio may
 * compare a fast minute with a slow one. Here rounds of the codec and of the baseline alternate
 * ({@link AlternatingRounds}), and the median of the per-pair ratios is the figure to quote. One
 * thread, so a rate is per core.
 *
 * <p>{@code bin/bench codec [size] [rounds] [seconds per round]}, default 5000 bytes, 20 rounds, 1 s.
 */
public final class CodecRounds {
    private CodecRounds() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        byte[] document = VconSamples.ofSize(size);
        VconCodec codec = VconCodec.lenient();
        ObjectMapper jackson = new ObjectMapper();
        ReadResult check = codec.read(document);
        if (!check.warnings().isEmpty()) {
            throw new IllegalStateException("the benchmark vCon should be clean: " + check.warnings());
        }
        ToIntFunction<byte[]> ours = bytes -> codec.write(codec.read(bytes).vcon()).length;
        ToIntFunction<byte[]> baseline = bytes -> {
            try {
                JsonNode tree = jackson.readTree(bytes);
                return jackson.writeValueAsBytes(tree).length;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        System.out.printf(Locale.ROOT, "codec rounds: vCon of %,d bytes, %d rounds of %.1f s each for the codec and "
                + "the plain-Jackson baseline, alternating, 1 thread, after %.0f s of warm-up%n",
                document.length, rounds, seconds, AlternatingRounds.WARM_UP_SECONDS);
        new AlternatingRounds("codec", ours, "baseline", baseline).run(document, rounds, seconds);
    }
}
