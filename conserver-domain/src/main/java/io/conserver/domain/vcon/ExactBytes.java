package io.conserver.domain.vcon;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * The output of {@link VconCodec#write(Vcon)}. The generator buffers about 8 KB itself and hands
 * over a typical vCon in one write at close, so the first write is kept as an array of exactly its
 * length and returned without the two copies and the growing a ByteArrayOutputStream costs; larger
 * documents grow by doubling and are trimmed once at the end.
 */
final class ExactBytes extends OutputStream {
    private byte[] bytes = new byte[0];
    private int count;

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (count == 0 && bytes.length == 0) {
            bytes = Arrays.copyOfRange(b, off, off + len);
            count = len;
            return;
        }
        int needed = count + len;
        if (needed < 0) {
            throw new OutOfMemoryError("a vCon of more than 2 GB cannot be written to a byte array");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8, bytes.length * 2L)));
        }
        System.arraycopy(b, off, bytes, count, len);
        count += len;
    }

    byte[] toByteArray() {
        return count == bytes.length ? bytes : Arrays.copyOf(bytes, count);
    }
}
