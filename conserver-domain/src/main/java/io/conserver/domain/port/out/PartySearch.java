package io.conserver.domain.port.out;

import io.conserver.domain.vcon.Party;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A search of the party indexes: every given term must match one party of the vCon exactly (terms
 * are ANDed, case-sensitively, against the field as stored). The terms may be matched by different
 * parties of the same vCon: {@code tel} by the caller and {@code name} by the agent, say. At least
 * one term is required, since an empty search would list the whole store.
 */
public record PartySearch(Optional<String> tel, Optional<String> mailto, Optional<String> name) {
    public PartySearch {
        tel = tel == null ? Optional.empty() : tel.filter(s -> !s.isEmpty());
        mailto = mailto == null ? Optional.empty() : mailto.filter(s -> !s.isEmpty());
        name = name == null ? Optional.empty() : name.filter(s -> !s.isEmpty());
        if (tel.isEmpty() && mailto.isEmpty() && name.isEmpty()) {
            throw new IllegalArgumentException("a party search needs at least one of tel, mailto or name");
        }
    }

    public static PartySearch byTel(String tel) {
        return new PartySearch(Optional.of(tel), Optional.empty(), Optional.empty());
    }

    public static PartySearch byMailto(String mailto) {
        return new PartySearch(Optional.empty(), Optional.of(mailto), Optional.empty());
    }

    public static PartySearch byName(String name) {
        return new PartySearch(Optional.empty(), Optional.empty(), Optional.of(name));
    }

    /** The given terms by field name ({@code tel}, {@code mailto}, {@code name}), in that order. */
    public Map<String, String> terms() {
        Map<String, String> terms = new LinkedHashMap<>();
        tel.ifPresent(v -> terms.put("tel", v));
        mailto.ifPresent(v -> terms.put("mailto", v));
        name.ifPresent(v -> terms.put("name", v));
        return Collections.unmodifiableMap(terms);
    }

    /**
     * What the party indexes hold for one party, by field name: each of its {@code tel},
     * {@code mailto} and {@code name} that is set and not empty. Every adapter indexes exactly these,
     * so a search finds the same vCons on every store.
     */
    public static Map<String, String> indexTerms(Party party) {
        Map<String, String> terms = new LinkedHashMap<>();
        putIfSet(terms, "tel", party.tel());
        putIfSet(terms, "mailto", party.mailto());
        putIfSet(terms, "name", party.name());
        return Collections.unmodifiableMap(terms);
    }

    private static void putIfSet(Map<String, String> terms, String field, String value) {
        if (value != null && !value.isEmpty()) {
            terms.put(field, value);
        }
    }
}
