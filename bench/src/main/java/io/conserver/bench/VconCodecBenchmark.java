package io.conserver.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conserver.domain.vcon.ReadResult;
import io.conserver.domain.vcon.VconCodec;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse + validate + write of one vCon, the work every ingest does, against a baseline measured in
 * the same run: plain Jackson reading the same bytes into a tree and writing it back, with no
 * validation or model. The ratio of the two is the figure to quote; absolute numbers move with the
 * machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VconCodecBenchmark {
    @Param({"5000", "500000"})
    public int size;

    private byte[] document;
    private VconCodec codec;
    private ObjectMapper plainJackson;

    @Setup(Level.Trial)
    public void setUp() {
        document = VconSamples.ofSize(size);
        codec = VconCodec.lenient();
        plainJackson = new ObjectMapper();
        ReadResult check = codec.read(document);
        if (!check.warnings().isEmpty()) {
            throw new IllegalStateException("the benchmark vCon should be clean: " + check.warnings());
        }
    }

    @Benchmark
    public byte[] parseValidateWrite() {
        return codec.write(codec.read(document).vcon());
    }

    @Benchmark
    public byte[] baselineJacksonTreeRoundTrip() throws IOException {
        JsonNode tree = plainJackson.readTree(document);
        return plainJackson.writeValueAsBytes(tree);
    }
}
