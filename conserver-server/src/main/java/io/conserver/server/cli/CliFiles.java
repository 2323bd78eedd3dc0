package io.conserver.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.conserver.domain.vcon.jose.VconKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** Reading inputs and writing outputs for the commands: files, {@code -} for stdin, PEM keys. */
final class CliFiles {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CliFiles() {
    }

    static byte[] read(Path file) {
        try {
            return "-".equals(file.toString()) ? System.in.readAllBytes() : Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), VconCommand.INVALID);
        }
    }

    static PrivateKey privateKey(Path pem) {
        return VconKeys.readPrivateKey(new String(read(pem), StandardCharsets.US_ASCII));
    }

    static List<X509Certificate> certificates(Path pem) {
        return VconKeys.readCertificateChain(new String(read(pem), StandardCharsets.US_ASCII));
    }

    /** Writes JSON bytes to {@code out} (or stdout), pretty-printed when asked. */
    static void write(byte[] json, Path out, boolean pretty, PrintWriter stdout) {
        byte[] bytes = json;
        if (pretty) {
            try {
                JsonNode tree = PRETTY.readTree(json);
                bytes = PRETTY.writeValueAsBytes(tree);
            } catch (IOException e) {
                throw new CliException("cannot format output: " + e.getMessage(), VconCommand.INVALID);
            }
        }
        if (out == null) {
            stdout.println(new String(bytes, StandardCharsets.UTF_8));
            stdout.flush();
            return;
        }
        try {
            Files.write(out, bytes);
        } catch (IOException e) {
            throw new CliException("cannot write " + out + ": " + e.getMessage(), VconCommand.INVALID);
        }
    }

    static void write(JsonNode json, Path out, boolean pretty, PrintWriter stdout) {
        try {
            write(PRETTY.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json), out, pretty, stdout);
        } catch (IOException e) {
            throw new CliException("cannot format output: " + e.getMessage(), VconCommand.INVALID);
        }
    }
}
