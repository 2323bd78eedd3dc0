package io.conserver.domain.vcon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the strings of a vCon. Jackson's {@code writeString} looks up every character in its
 * escape table, the largest single cost in a profile of reading and writing a typical vCon; but
 * nearly every string a vCon holds (bodies, names, media types, urls) is ASCII with nothing to
 * escape. Such a string is encoded at once (for ASCII, {@code getBytes} is a plain copy), checked
 * eight bytes at a time, and handed over as bytes that need no escaping. Anything else (a quote, a
 * backslash, a control character, any non-ASCII character) goes to {@code writeString}, so the
 * output is byte for byte what Jackson writes; JsonStringsTest compares the two.
 */
final class JsonStrings {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;
    /** Below this, encoding first costs more than Jackson's loop saves. */
    private static final int MIN_LENGTH = 16;

    private final JsonGenerator g;
    /**
     * Only Jackson's UTF-8 generator with its default escaping writes such strings as their bytes;
     * a generator set to escape more (non-ASCII, '/', custom escapes) or of another kind gets every
     * string through writeString.
     */
    private final boolean bytesAllowed;

    JsonStrings(JsonGenerator g) {
        this.g = g;
        // The highest escaped character is set by ESCAPE_NON_ASCII (which ASCII is not touched by anyway).
        this.bytesAllowed = g instanceof UTF8JsonGenerator && g.getCharacterEscapes() == null
                && g.getHighestEscapedChar() == 0
                && !g.isEnabled(JsonWriteFeature.ESCAPE_FORWARD_SLASHES.mappedFeature());
    }

    void write(String s) throws IOException {
        if (bytesAllowed && s.length() >= MIN_LENGTH) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            // As many bytes as characters: ASCII only, or (see below) unpaired surrogates.
            if (bytes.length == s.length() && writable(s, bytes)) {
                g.writeRawUTF8String(bytes, 0, bytes.length);
                return;
            }
        }
        g.writeString(s);
    }

    /** Text the caller knows to be ASCII with nothing to escape in any JSON, such as a date. */
    void writeAscii(byte[] text, int length) throws IOException {
        if (bytesAllowed) {
            g.writeRawUTF8String(text, 0, length);
        } else {
            g.writeString(new String(text, 0, length, StandardCharsets.US_ASCII));
        }
    }

    /**
     * True when no byte of an ASCII-or-surrogates encoding needs escaping in JSON (none below 0x20,
     * no quote, no backslash) and none is a surrogate that the encoder replaced by '?'. Jackson
     * refuses to write an unpaired surrogate, and {@code writeString} must still be the one to refuse.
     */
    static boolean writable(String s, byte[] b) {
        boolean questionMark = false;
        int i = 0;
        int n = b.length;
        for (; i + 8 <= n; i += 8) {
            long word = (long) LONGS.get(b, i);
            long quotes = word ^ QUOTES;
            long slashes = word ^ BACKSLASHES;
            long marks = word ^ QUESTION_MARKS;
            // Each term has a byte's high bit set where that byte is below 0x20, a quote or a
            // backslash (a borrow can also mark a higher byte, but only after a real match).
            long found = (word - SPACES) & ~word | (quotes - LOW_BITS) & ~quotes | (slashes - LOW_BITS) & ~slashes;
            if ((found & HIGH_BITS) != 0) {
                return false;
            }
            questionMark |= ((marks - LOW_BITS) & ~marks & HIGH_BITS) != 0;
        }
        for (; i < n; i++) {
            byte c = b[i];
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
            questionMark |= c == '?';
        }
        return !questionMark || noReplacedSurrogate(s, b);
    }

    private static boolean noReplacedSurrogate(String s, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '?' && s.charAt(i) != '?') {
                return false;
            }
        }
        return true;
    }
}
