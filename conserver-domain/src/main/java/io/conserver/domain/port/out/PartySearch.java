package io.conserver.domain.port.out;

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
}
