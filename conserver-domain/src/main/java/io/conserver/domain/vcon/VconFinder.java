package io.conserver.domain.vcon;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Look-ups by content, returning indices because that is how a vCon refers to its elements
 * (vcon-lib's {@code find_party_index}, {@code find_dialogs_by_type}, {@code find_analysis_by_type}).
 * Party look-ups return the first match.
 */
public final class VconFinder {
    private VconFinder() {
    }

    public static OptionalInt findPartyIndex(Vcon vcon, Predicate<Party> match) {
        return IntStream.range(0, vcon.parties().size()).filter(i -> match.test(vcon.parties().get(i))).findFirst();
    }

    /**
     * The party with this number, comparing without the optional {@code tel:} prefix and without the
     * visual separators people type ({@code +1 (555) 010-0000}, {@code +1.555.010.0000}).
     */
    public static OptionalInt findPartyByTel(Vcon vcon, String tel) {
        String wanted = normalizedTel(tel);
        return wanted.isEmpty() ? OptionalInt.empty()
                : findPartyIndex(vcon, p -> p.tel() != null && wanted.equals(normalizedTel(p.tel())));
    }

    /** The party with this e-mail address, bare or as a {@code mailto:} URL, ignoring case. */
    public static OptionalInt findPartyByMailto(Vcon vcon, String mailto) {
        String wanted = Party.ofMailto(mailto).bareMailto();
        return wanted == null ? OptionalInt.empty() : findPartyIndex(vcon, p -> wanted.equalsIgnoreCase(p.bareMailto()));
    }

    /** The party with exactly this name, ignoring case. */
    public static OptionalInt findPartyByName(Vcon vcon, String name) {
        return name == null ? OptionalInt.empty() : findPartyIndex(vcon, p -> name.equalsIgnoreCase(p.name()));
    }

    public static List<Integer> dialogsOfType(Vcon vcon, String type) {
        return indices(vcon.dialog(), d -> Objects.equals(type, d.type()));
    }

    public static List<Integer> analysisOfType(Vcon vcon, String type) {
        return indices(vcon.analysis(), a -> Objects.equals(type, a.type()));
    }

    public static List<Integer> attachmentsOfPurpose(Vcon vcon, String purpose) {
        return indices(vcon.attachments(), a -> Objects.equals(purpose, a.purpose()));
    }

    private static <T> List<Integer> indices(List<T> items, Predicate<T> match) {
        return IntStream.range(0, items.size()).filter(i -> match.test(items.get(i))).boxed().toList();
    }

    private static String normalizedTel(String tel) {
        String bare = tel == null ? "" : Party.ofTel(tel).bareTel();
        return bare.replaceAll("[\\s().-]", "").toLowerCase(Locale.ROOT);
    }
}
