package io.conserver.domain.vcon;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The output of {@link VconCodec#write(Vcon)}. The generator buffers about 8 KB itself and hands
 * over a typical vCon in one write at close, which is kept and returned as it is, without the growing
 * and the final copy of a ByteArrayOutputStream. A larger document arrives in 8 KB chunks; they are
 * joined once at the end, since doubling a buffer can overshoot the final size by nearly as much again.
 */
final class ExactBytes extends OutputStream {
    private final List<byte[]> chunks = new ArrayList<>(1);
    private int count;

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (count + len < 0) {
            throw new OutOfMemoryError("a vCon of more than 2 GB cannot be written to a byte array");
        }
        chunks.add(Arrays.copyOfRange(b, off, off + len));
        count += len;
    }

    byte[] toByteArray() {
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        byte[] all = new byte[count];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        return all;
    }
}
