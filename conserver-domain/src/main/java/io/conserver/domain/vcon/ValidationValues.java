package io.conserver.domain.vcon;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Syntax checks for the vCon value types (draft §2), written as plain character scans: the
 * validator runs on every ingested vCon, and a regex or a java.time parse per field would cost
 * more than the rest of the validation together.
 */
final class ValidationValues {
    /** What a Date field holds: a full RFC 3339 timestamp, one without its zone, or something else. */
    enum DateShape { VALID, NO_ZONE, INVALID }

    private static final boolean[] BASE64URL = new boolean[128];
    private static final boolean[] TOKEN = new boolean[128];
    private static final int SHOWN_CHARS = 40;

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            BASE64URL[c] = true;
            BASE64URL[c + 32] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            BASE64URL[c] = true;
        }
        BASE64URL['-'] = true;
        BASE64URL['_'] = true;
        System.arraycopy(BASE64URL, 0, TOKEN, 0, 128);
        for (char c : "!#$%&'*+.^`|~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private ValidationValues() {
    }

    /** 8-4-4-4-12 hex digits, any version; the version is the 13th digit. */
    static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : isHex(c);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static char uuidVersion(String uuid) {
        return uuid.charAt(14);
    }

    /**
     * {@code yyyy-mm-ddThh:mm:ss[.f+](Z|±hh:mm)} with real calendar ranges; the same without the
     * zone is {@link DateShape#NO_ZONE}, which readers take as UTC.
     */
    static DateShape date(String s) {
        int n = s.length();
        if (n < 19 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-'
                || !digits(s, 8, 10) || "Tt ".indexOf(s.charAt(10)) < 0 || !digits(s, 11, 13)
                || s.charAt(13) != ':' || !digits(s, 14, 16) || s.charAt(16) != ':' || !digits(s, 17, 19)) {
            return DateShape.INVALID;
        }
        int month = num(s, 5);
        int day = num(s, 8);
        // Second 60 is a leap second, which RFC 3339 allows.
        if (month < 1 || month > 12 || day < 1 || day > daysIn(num(s, 0) * 100 + num(s, 2), month)
                || num(s, 11) > 23 || num(s, 14) > 59 || num(s, 17) > 60) {
            return DateShape.INVALID;
        }
        int i = 19;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return DateShape.INVALID;
            }
        }
        return zone(s, i);
    }

    private static DateShape zone(String s, int i) {
        int n = s.length();
        if (i == n) {
            return DateShape.NO_ZONE;
        }
        char z = s.charAt(i);
        if ((z == 'Z' || z == 'z') && i == n - 1) {
            return DateShape.VALID;
        }
        boolean offset = (z == '+' || z == '-') && i == n - 6 && digits(s, i + 1, i + 3) && s.charAt(i + 3) == ':'
                && digits(s, i + 4, n) && num(s, i + 1) <= 23 && num(s, i + 4) <= 59;
        return offset ? DateShape.VALID : DateShape.INVALID;
    }

    /** RFC 4648 §5 alphabet, optionally padded with up to two {@code =} to a multiple of four. */
    static boolean isBase64Url(String s) {
        return isBase64Url(s, 0, s.length());
    }

    static boolean isBase64Url(String s, int from, int to) {
        int pad = 0;
        while (pad < 2 && to - pad > from && s.charAt(to - pad - 1) == '=') {
            pad++;
        }
        int end = to - pad;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 128 || !BASE64URL[c]) {
                return false;
            }
        }
        int length = end - from;
        // One leftover character cannot encode a byte, padded or not.
        return pad > 0 ? (to - from) % 4 == 0 && length % 4 != 1 : length % 4 != 1;
    }

    /** {@code <alg>-<base64url digest>} with a lower-case alphanumeric algorithm name. */
    static boolean isContentHash(String s) {
        int dash = s.indexOf('-');
        if (dash <= 0 || dash == s.length() - 1) {
            return false;
        }
        for (int i = 0; i < dash; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || isDigit(c))) {
                return false;
            }
        }
        return isBase64Url(s, dash + 1, s.length());
    }

    /** {@code type/subtype}, optionally followed by {@code ; parameters}, which real data carries. */
    static boolean isMediatype(String s) {
        int slash = token(s, 0);
        if (slash == 0 || slash >= s.length() || s.charAt(slash) != '/') {
            return false;
        }
        int i = token(s, slash + 1);
        if (i == slash + 1) {
            return false;
        }
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i == s.length() || s.charAt(i) == ';';
    }

    static boolean isHttps(String url) {
        return url.regionMatches(true, 0, "https://", 0, 8);
    }

    /** A short rendering of a value for a message: strings quoted and cut, containers named. */
    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "missing";
        }
        if (v.isTextual()) {
            String s = v.textValue();
            return s.length() <= SHOWN_CHARS ? '"' + s + '"' : '"' + s.substring(0, SHOWN_CHARS) + "…\"";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isNumber() || v.isBoolean() || v.isNull()) {
            String s = v.asText();
            return s.length() <= SHOWN_CHARS ? s : s.substring(0, SHOWN_CHARS) + "…";
        }
        return "a " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " value";
    }

    private static int token(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) < 128 && TOKEN[s.charAt(i)]) {
            i++;
        }
        return i;
    }

    private static int daysIn(int year, int month) {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The two-digit number at {@code at}; callers have checked both are ASCII digits. */
    private static int num(String s, int at) {
        return (s.charAt(at) - '0') * 10 + s.charAt(at + 1) - '0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
