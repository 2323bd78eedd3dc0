package io.conserver.bench;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Parse + validate + write of one vCon by two builds of the codec, in alternating rounds in one JVM:
 * the way to tell whether a change made the codec faster on a machine whose speed drifts more than
 * most changes move it. Separate runs of {@link CodecRounds}, one per build, meet different minutes
 * of the machine; here each round of one build is next to a round of the other, and the median of
 * the per-round ratios is the figure.
 *
 * <p>Each build's benchmarks jar gets its own class loader, so both codecs (and their Jackson) live
 * side by side; both read the same document, made by this build's {@link VconSamples}.
 *
 * <p>{@code bin/bench codec-versions REV [size] [rounds] [seconds]} builds revision REV in a git
 * worktree and runs this with its jar as "before" and the working tree's as "after".
 */
public final class CodecVersions {
    private static final double WARM_UP_SECONDS = 10;

    private CodecVersions() {
    }

    public static void main(String[] args) throws ReflectiveOperationException, MalformedURLException {
        if (args.length < 2) {
            System.err.println("usage: CodecVersions BEFORE.jar AFTER.jar [size] [rounds] [seconds]");
            System.exit(2);
        }
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        double seconds = args.length > 4 ? Double.parseDouble(args[4]) : 1.0;
        byte[] document = VconSamples.ofSize(size);
        ToIntFunction<byte[]> before = roundTrip(args[0]);
        ToIntFunction<byte[]> after = roundTrip(args[1]);
        System.out.printf(Locale.ROOT, "codec versions: vCon of %,d bytes, %d rounds of %.1f s each for before (%s) "
                + "and after (%s), alternating, 1 thread, after %.0f s of warm-up%n",
                document.length, rounds, seconds, args[0], args[1], WARM_UP_SECONDS);
        for (double warmed = 0; warmed < WARM_UP_SECONDS; warmed += 2 * seconds) {
            CodecRounds.rate(before, document, seconds);
            CodecRounds.rate(after, document, seconds);
        }
        List<Double> beforeRates = new ArrayList<>();
        List<Double> afterRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            // Which build goes first alternates too, in case the second round of a pair is favoured.
            double b;
            double a;
            if (r % 2 == 1) {
                b = CodecRounds.rate(before, document, seconds);
                a = CodecRounds.rate(after, document, seconds);
            } else {
                a = CodecRounds.rate(after, document, seconds);
                b = CodecRounds.rate(before, document, seconds);
            }
            beforeRates.add(b);
            afterRates.add(a);
            ratios.add(a / b);
            System.out.printf(Locale.ROOT, "round %2d  before %,9.0f ops/s   after %,9.0f ops/s   after/before %.3f%n",
                    r, b, a, a / b);
        }
        System.out.printf(Locale.ROOT, "median    before %,9.0f ops/s   after %,9.0f ops/s   after/before %.3f "
                + "(median of the per-round ratios; range %.3f-%.3f)%n", CodecRounds.median(beforeRates),
                CodecRounds.median(afterRates), CodecRounds.median(ratios), Collections.min(ratios),
                Collections.max(ratios));
    }

    /** {@code codec.write(codec.read(bytes).vcon()).length} with the codec of the jar at {@code jar}. */
    private static ToIntFunction<byte[]> roundTrip(String jar) throws ReflectiveOperationException,
            MalformedURLException {
        File file = new File(jar);
        if (!file.isFile()) {
            throw new IllegalArgumentException("no benchmarks jar at " + jar);
        }
        ClassLoader loader = new URLClassLoader(new URL[] {file.toURI().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> codecType = loader.loadClass("io.conserver.domain.vcon.VconCodec");
        Class<?> resultType = loader.loadClass("io.conserver.domain.vcon.ReadResult");
        Class<?> vconType = loader.loadClass("io.conserver.domain.vcon.Vcon");
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Object codec = codecType.getMethod("lenient").invoke(null);
        MethodHandle read = lookup.findVirtual(codecType, "read", MethodType.methodType(resultType, byte[].class))
                .bindTo(codec);
        MethodHandle vcon = lookup.findVirtual(resultType, "vcon", MethodType.methodType(vconType));
        MethodHandle write = lookup.findVirtual(codecType, "write", MethodType.methodType(byte[].class, vconType))
                .bindTo(codec);
        // bytes -> write(read(bytes).vcon()), typed so that one invokeExact call does it all.
        MethodHandle roundTrip = MethodHandles.filterReturnValue(MethodHandles.filterReturnValue(read, vcon), write)
                .asType(MethodType.methodType(byte[].class, byte[].class));
        return bytes -> {
            try {
                return ((byte[]) roundTrip.invokeExact(bytes)).length;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
    }
}
