package io.conserver.app.usecase;

import io.conserver.domain.port.out.WorkQueue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Egress reads and list depths. Egress is FIFO: chains push to the tail and callers take from the
 * head (the reference pops the tail, so its egress runs backwards).
 */
public final class ListOperations {
    private final WorkQueue queue;
    private final Supplier<Set<String>> egressLists;

    public ListOperations(WorkQueue queue, Supplier<Set<String>> egressLists) {
        this.queue = queue;
        this.egressLists = egressLists;
    }

    /** Takes up to {@code limit} ids from the head of an egress list. */
    public List<String> takeEgress(String list, int limit) {
        requireKnown(list);
        return queue.pop(list, limit);
    }

    /** How many ids wait on an egress list. */
    public long count(String list) {
        requireKnown(list);
        return queue.length(list);
    }

    /** Every list with its depth, in name order. */
    public Map<String, Long> lists() {
        return new TreeMap<>(queue.lists());
    }

    private void requireKnown(String list) {
        if (list == null || list.isBlank()) {
            throw RequestRefusedException.invalid("egress_list must name a list");
        }
        Set<String> known = egressLists.get();
        if (!known.contains(list) && queue.length(list) == 0) {
            throw RequestRefusedException.notFound("egress_list: no running chain pushes to list '" + list
                    + "' and it is empty; the egress lists are " + known);
        }
    }
}
