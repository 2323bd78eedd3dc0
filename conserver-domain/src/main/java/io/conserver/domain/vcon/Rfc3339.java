package io.conserver.domain.vcon;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Fast RFC 3339 timestamps. A vCon carries a handful of dates per dialog, and java.time's
 * formatters cost about a microsecond each, a large share of the parse budget; the common shape
 * {@code 2025-01-31T12:34:56.789Z} is parsed and printed by hand here, and anything else falls back
 * to java.time so no valid timestamp is refused.
 */
final class Rfc3339 {
    private Rfc3339() {
    }

    /**
     * Parses {@code yyyy-mm-ddThh:mm:ss[.f+](Z|±hh:mm)}; without a zone the time is read as UTC
     * (the validator reports that). Returns {@code null} for anything that is not a timestamp.
     */
    static OffsetDateTime parse(String s) {
        return read(s, false);
    }

    /**
     * The timestamp, when {@code s} is one in the shape nearly every producer writes and valid:
     * {@code yyyy-mm-ddThh:mm:ss[.f]} with up to nine fraction digits, second 59 at most, and
     * {@code Z} or an offset. What this returns, {@link ValidationValues#date} calls valid and
     * {@link #parse} reads the same; {@code null} says nothing, and the caller asks those two. The fast
     * read checks and reads each date in this one pass instead of two.
     */
    static OffsetDateTime parseStrict(String s) {
        return read(s, true);
    }

    /**
     * {@link #parse}, or with {@code strict} {@link #parseStrict}: one reading, so that whatever the
     * strict one accepts, the other reads alike; strict only refuses more.
     */
    private static OffsetDateTime read(String s, boolean strict) {
        int n = s.length();
        if (n < 19 || n > 40 || !dateAndTime(s) || "Tt ".indexOf(s.charAt(10)) < 0 || strict && s.charAt(10) != 'T') {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                if (i - start < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            int digits = i - start;
            if (digits == 0 || strict && digits > 9) {
                return null;
            }
            for (int d = digits; d < 9; d++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(s, i);
        if (offset == null && (strict || i != n)) {
            return null;
        }
        int second = num(s, 17, 19);
        // A leap second, and offset minutes past 59 (which ZoneOffset would carry into the hour), are
        // the validator's to judge; parse reads second 60 as 59.
        if (strict && (second > 59 || offset != ZoneOffset.UTC && num(s, n - 2, n) > 59)) {
            return null;
        }
        try {
            return OffsetDateTime.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10), num(s, 11, 13), num(s, 14, 16),
                    Math.min(second, 59), nanos, offset == null ? ZoneOffset.UTC : offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** {@code yyyy-mm-dd?hh:mm:ss} at the start of {@code s}, which holds at least 19 characters. */
    private static boolean dateAndTime(String s) {
        return digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 7) && s.charAt(7) == '-' && digits(s, 8, 10)
                && digits(s, 11, 13) && s.charAt(13) == ':' && digits(s, 14, 16) && s.charAt(16) == ':'
                && digits(s, 17, 19);
    }

    /** ASCII only: {@code Character.isDigit} also takes other scripts' digits, which are no RFC 3339. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** True when the text carries a zone designator; false for a zoneless or invalid timestamp. */
    static boolean hasZone(String s) {
        return parse(s) != null && offsetStart(s) > 0;
    }

    private static int offsetStart(String s) {
        int i = 19;
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
        }
        return i < s.length() ? i : -1;
    }

    private static ZoneOffset offset(String s, int i) {
        int n = s.length();
        if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
            return ZoneOffset.UTC;
        }
        if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && digits(s, i + 1, i + 3)
                && s.charAt(i + 3) == ':' && digits(s, i + 4, i + 6)) {
            int seconds = num(s, i + 1, i + 3) * 3600 + num(s, i + 4, i + 6) * 60;
            try {
                return ZoneOffset.ofTotalSeconds(s.charAt(i) == '-' ? -seconds : seconds);
            } catch (DateTimeException outOfRange) {
                return null;
            }
        }
        return null;
    }

    /** The longest text {@link #format(OffsetDateTime, char[])} writes: nine fraction digits and an offset. */
    static final int MAX_CHARS = 35;

    /** {@code 2025-01-31T12:34:56Z}, with as many fraction digits as the value needs (3, 6 or 9). */
    static String format(OffsetDateTime t) {
        byte[] out = new byte[MAX_CHARS];
        int length = format(t, out);
        return length < 0 ? t.toString() : new String(out, 0, length, StandardCharsets.US_ASCII);
    }

    /**
     * Writes {@link #format(OffsetDateTime)} into {@code out}, which holds {@link #MAX_CHARS}, and
     * returns its length; -1 for a year outside RFC 3339's range, which only java.time can write (in its
     * extended form). The writer hands the bytes (ASCII, nothing to escape) to the generator, so no
     * String is built per date and none goes through the escape loop.
     */
    static int format(OffsetDateTime t, byte[] out) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return -1;
        }
        pad(out, 0, year, 4);
        out[4] = '-';
        pad(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        pad(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        pad(out, 11, t.getHour(), 2);
        out[13] = ':';
        pad(out, 14, t.getMinute(), 2);
        out[16] = ':';
        pad(out, 17, t.getSecond(), 2);
        int i = 19;
        int nanos = t.getNano();
        if (nanos != 0) {
            out[i++] = '.';
            if (nanos % 1_000_000 == 0) {
                i = pad(out, i, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                i = pad(out, i, nanos / 1000, 6);
            } else {
                i = pad(out, i, nanos, 9);
            }
        }
        int offset = t.getOffset().getTotalSeconds();
        if (offset == 0) {
            out[i] = 'Z';
            return i + 1;
        }
        out[i++] = (byte) (offset < 0 ? '-' : '+');
        int abs = Math.abs(offset);
        i = pad(out, i, abs / 3600, 2);
        out[i++] = ':';
        return pad(out, i, (abs / 60) % 60, 2);
    }

    /** Writes {@code value} as exactly {@code width} digits at {@code at}; returns the index after them. */
    private static int pad(byte[] out, int at, int value, int width) {
        int end = at + width;
        for (int i = end - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return end;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
