package io.conserver.app.usecase;

import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks list names against those the running configuration uses, so an id is never pushed onto a
 * list nobody reads (the reference accepts any name and the vCon silently waits forever).
 */
public final class KnownLists {
    private final Supplier<Set<String>> ingress;

    public KnownLists(Supplier<Set<String>> ingress) {
        this.ingress = ingress;
    }

    /** Throws a 404-category refusal naming the known lists if any of {@code lists} is not an ingress list. */
    public void requireIngress(String field, Collection<String> lists) {
        Set<String> known = ingress.get();
        for (String list : lists) {
            if (list == null || list.isBlank()) {
                throw RequestRefusedException.invalid(field + " must name a list");
            }
            if (!known.contains(list)) {
                throw RequestRefusedException.notFound(field + ": no running chain takes from list '" + list
                        + "'; the ingress lists are " + known);
            }
        }
    }
}
