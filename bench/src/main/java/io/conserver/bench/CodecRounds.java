package io.conserver.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conserver.domain.vcon.ReadResult;
import io.conserver.domain.vcon.VconCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The work of {@link VconCodecBenchmark} (parse + validate + write of one vCon, against plain Jackson
 * reading the same bytes into a tree and writing it back) measured in alternating short rounds.
 *
 * <p>Why beside JMH: on the shared machine the speed of a core drifts by a factor of two within a
 * minute. JMH runs one benchmark to the end before the other starts, so its "same-run" ratio may
 * compare a fast minute with a slow one. Here each round of the codec is followed by a round of the
 * baseline, so each pair meets the same machine, and the median of the per-pair ratios is the
 * figure to quote. One thread, so a rate is per core.
 *
 * <p>{@code bin/bench codec [size] [rounds] [seconds per round]}, default 5000 bytes, 20 rounds, 1 s.
 */
public final class CodecRounds {
    private static final double WARM_UP_SECONDS = 10;

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
                document.length, rounds, seconds, WARM_UP_SECONDS);
        for (double warmed = 0; warmed < WARM_UP_SECONDS; warmed += 2 * seconds) {
            rate(ours, document, seconds);
            rate(baseline, document, seconds);
        }
        List<Double> oursRates = new ArrayList<>();
        List<Double> baselineRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            double a = rate(ours, document, seconds);
            double b = rate(baseline, document, seconds);
            oursRates.add(a);
            baselineRates.add(b);
            ratios.add(a / b);
            System.out.printf(Locale.ROOT, "round %2d  codec %,9.0f ops/s   baseline %,9.0f ops/s   ratio %.2f%n",
                    r, a, b, a / b);
        }
        System.out.printf(Locale.ROOT, "median    codec %,9.0f ops/s   baseline %,9.0f ops/s   ratio %.2f "
                + "(median of the per-round ratios; range %.2f-%.2f)%n", median(oursRates), median(baselineRates),
                median(ratios), Collections.min(ratios), Collections.max(ratios));
    }

    /** Operations per second over about {@code seconds}, in batches so the clock is read rarely. */
    static double rate(ToIntFunction<byte[]> operation, byte[] document, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long operations = 0;
        long sink = 0;
        long elapsed;
        do {
            for (int i = 0; i < 50; i++) {
                sink += operation.applyAsInt(document);
            }
            operations += 50;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        if (sink == 42) {
            System.out.print(""); // keeps the results alive for the JIT
        }
        return operations * 1e9 / elapsed;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
