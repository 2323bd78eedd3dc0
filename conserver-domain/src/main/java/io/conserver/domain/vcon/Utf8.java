package io.conserver.domain.vcon;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 checking (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF) that
 * also refuses NUL bytes, which JSON text never contains raw. Runs on every read, so ASCII, the bulk
 * of any vCon (base64url bodies above all), is checked by the JDK's vectorised decoder when the
 * whole text is ASCII, and skipped eight bytes at a time in the runs of text that is not.
 */
final class Utf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;

    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    /** What US-ASCII decoding makes of a byte over 0x7F. */
    private static final char REPLACEMENT = '\uFFFD';

    /** What {@link #scan} returns for valid text without a {@code \\u} escape starting with d. */
    static final int VALID = -1;
    /** What {@link #scan} returns for valid text that may escape a surrogate ({@code \\ud800}). */
    static final int VALID_WITH_SURROGATE_ESCAPE = -2;

    private Utf8() {
    }

    /**
     * The offset of the first byte that is not part of valid, NUL-free UTF-8, or {@link #VALID} /
     * {@link #VALID_WITH_SURROGATE_ESCAPE}. The reader must look for unpaired surrogates only when the
     * bytes hold a {@code \\u} followed by d or D, and finding that in the same pass saves a second
     * walk over every byte of every document.
     */
    static int scan(byte[] b) {
        // Nearly every vCon is ASCII. Decoding it as US-ASCII runs the JDK's vectorised check for
        // bytes over 0x7F (then copies, which costs less), and indexOf on the Latin-1 string that
        // makes is vectorised too: about three times faster than the loop of scanBytes, which is
        // left the rest: text with non-ASCII characters (each one decoded as U+FFFD) or a NUL.
        String ascii = new String(b, StandardCharsets.US_ASCII);
        if (ascii.indexOf(REPLACEMENT) >= 0 || ascii.indexOf(0) >= 0) {
            return scanBytes(b);
        }
        for (int i = ascii.indexOf('\\'); i >= 0; i = ascii.indexOf('\\', i + 1)) {
            if (surrogateEscapeAt(b, i)) {
                return VALID_WITH_SURROGATE_ESCAPE;
            }
        }
        return VALID;
    }

    /** {@link #scan} for any bytes, one character at a time past the ASCII runs. */
    static int scanBytes(byte[] b) {
        boolean surrogateEscape = false;
        int i = 0;
        int n = b.length;
        while (i < n) {
            if (i + 8 <= n) {
                long word = (long) LONGS.get(b, i);
                long slashes = word ^ BACKSLASHES;
                // No high bit set, no zero byte and no backslash: eight plain ASCII characters.
                if ((word & HIGH_BITS) == 0 && ((word - LOW_BITS) & ~word & HIGH_BITS) == 0
                        && ((slashes - LOW_BITS) & ~slashes & HIGH_BITS) == 0) {
                    i += 8;
                    continue;
                }
            }
            if (b[i] == '\\') {
                surrogateEscape |= surrogateEscapeAt(b, i);
                i++;
                continue;
            }
            int length = sequenceLength(b, i);
            if (length == 0) {
                return i;
            }
            i += length;
        }
        return surrogateEscape ? VALID_WITH_SURROGATE_ESCAPE : VALID;
    }

    /** A backslash at {@code i} that starts {@code \\u} and d or D: perhaps a surrogate. */
    private static boolean surrogateEscapeAt(byte[] b, int i) {
        return i + 2 < b.length && b[i + 1] == 'u' && (b[i + 2] | 0x20) == 'd';
    }

    /**
     * Whether JSON text that {@link #scan} found valid escapes a surrogate without its partner: a
     * {@code \\uD800}-{@code \\uDBFF} not followed at once by a {@code \\uDC00}-{@code \\uDFFF}, or
     * the latter alone. Only an escape can make a surrogate, since scan refuses one encoded in UTF-8,
     * and in JSON a backslash occurs only inside a string, where it always starts an escape; so this
     * one pass over the bytes answers what searching every string of the parsed document would.
     * Jackson writes every character beyond U+FFFF (an emoji) as such a pair, so valid documents
     * carry them often.
     */
    static boolean hasLoneSurrogateEscape(byte[] b) {
        boolean highPending = false;
        int i = 0;
        int n = b.length;
        while (i < n) {
            if (b[i] != '\\') {
                if (highPending) {
                    return true;
                }
                i++;
                continue;
            }
            int unit = i + 5 < n && b[i + 1] == 'u' ? hex4(b, i + 2) : -1;
            boolean high = unit >= 0xD800 && unit <= 0xDBFF;
            boolean low = unit >= 0xDC00 && unit <= 0xDFFF;
            if (highPending != low) {
                return true; // a high one without its low one, or a low one alone
            }
            highPending = high;
            i += unit >= 0 ? 6 : 2;
        }
        return highPending;
    }

    /** The four hex digits at {@code i} as a number, or -1. */
    private static int hex4(byte[] b, int i) {
        int value = 0;
        for (int k = i; k < i + 4; k++) {
            int c = b[k];
            int digit = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                    : -1;
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** The length of the valid sequence starting at {@code i}, or 0 when it is invalid. */
    private static int sequenceLength(byte[] b, int i) {
        int lead = b[i] & 0xFF;
        if (lead < 0x80) {
            return lead == 0 ? 0 : 1;
        }
        int length;
        int min = 0x80;
        int max = 0xBF;
        if (lead < 0xC2) {
            return 0; // a continuation byte, or the lead of an overlong two-byte form
        } else if (lead < 0xE0) {
            length = 2;
        } else if (lead < 0xF0) {
            length = 3;
            min = lead == 0xE0 ? 0xA0 : min; // overlong
            max = lead == 0xED ? 0x9F : max; // surrogates
        } else if (lead < 0xF5) {
            length = 4;
            min = lead == 0xF0 ? 0x90 : min; // overlong
            max = lead == 0xF4 ? 0x8F : max; // past U+10FFFF
        } else {
            return 0;
        }
        if (i + length > b.length) {
            return 0;
        }
        int second = b[i + 1] & 0xFF;
        if (second < min || second > max) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return length;
    }

    /** "byte 0xC0 at offset 12", for a message. */
    static String describe(byte[] b, int offset) {
        String what = b[offset] == 0 ? "a NUL byte (0x00)" : String.format("byte 0x%02X", b[offset] & 0xFF);
        return what + " at offset " + offset + " does not start a valid UTF-8 character";
    }
}
