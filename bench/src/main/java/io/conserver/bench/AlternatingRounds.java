package io.conserver.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Two operations on one document, measured in alternating short rounds on one thread, with the
 * median of the per-round ratios as the figure: what {@link CodecRounds} and {@link CodecVersions}
 * share. On the shared machine the speed of a core drifts by a factor of two within a minute; each
 * round of one operation sits next to a round of the other, so each pair meets the same machine.
 * Which one goes first alternates too, in case the second round of a pair is favoured.
 */
final class AlternatingRounds {
    static final double WARM_UP_SECONDS = 10;

    private final String firstName;
    private final ToIntFunction<byte[]> first;
    private final String secondName;
    private final ToIntFunction<byte[]> second;

    /** The ratio printed is first / second. */
    AlternatingRounds(String firstName, ToIntFunction<byte[]> first, String secondName,
            ToIntFunction<byte[]> second) {
        this.firstName = firstName;
        this.first = first;
        this.secondName = secondName;
        this.second = second;
    }

    /** Warms both up, then prints each round's pair of rates and the medians. */
    void run(byte[] document, int rounds, double seconds) {
        for (double warmed = 0; warmed < WARM_UP_SECONDS; warmed += 2 * seconds) {
            rate(first, document, seconds);
            rate(second, document, seconds);
        }
        List<Double> firstRates = new ArrayList<>();
        List<Double> secondRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        String ratioName = firstName + "/" + secondName;
        for (int r = 1; r <= rounds; r++) {
            double a;
            double b;
            if (r % 2 == 1) {
                a = rate(first, document, seconds);
                b = rate(second, document, seconds);
            } else {
                b = rate(second, document, seconds);
                a = rate(first, document, seconds);
            }
            firstRates.add(a);
            secondRates.add(b);
            ratios.add(a / b);
            System.out.printf(Locale.ROOT, "round %2d  %s %,9.0f ops/s   %s %,9.0f ops/s   %s %.3f%n",
                    r, firstName, a, secondName, b, ratioName, a / b);
        }
        System.out.printf(Locale.ROOT, "median    %s %,9.0f ops/s   %s %,9.0f ops/s   %s %.3f "
                + "(median of the per-round ratios; range %.3f-%.3f)%n", firstName, median(firstRates), secondName,
                median(secondRates), ratioName, median(ratios), Collections.min(ratios), Collections.max(ratios));
    }

    /** Operations per second over about {@code seconds}, in batches so the clock is read rarely. */
    private static double rate(ToIntFunction<byte[]> operation, byte[] document, double seconds) {
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

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
