package io.conserver.bench;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Parse + validate + write of one vCon by two builds of the codec, in alternating rounds in one JVM:
 * the way to tell whether a change made the codec faster on a machine whose speed drifts more than
 * most changes move it. Separate runs of {@link CodecRounds}, one per build, meet different minutes
 * of the machine; here rounds of the two builds alternate ({@link AlternatingRounds}), and the
 * median of the per-round ratios is the figure.
 *
 * <p>Each build's benchmarks jar gets its own class loader, so both codecs (and their Jackson) live
 * side by side; both read the same document, made by this build's {@link VconSamples}.
 *
 * <p>{@code bin/bench codec-versions REV [size] [rounds] [seconds]} builds revision REV in a git
 * worktree and runs this with its jar as "before" and the working tree's as "after".
 */
public final class CodecVersions {
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
                document.length, rounds, seconds, args[0], args[1], AlternatingRounds.WARM_UP_SECONDS);
        new AlternatingRounds("after", after, "before", before).run(document, rounds, seconds);
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
