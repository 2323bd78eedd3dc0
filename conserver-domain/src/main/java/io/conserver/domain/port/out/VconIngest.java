package io.conserver.domain.port.out;

import io.conserver.domain.vcon.Vcon;
import java.util.List;

/**
 * Stores new vCons and queues their ids on ingress lists, as one step where the working store can
 * do that (Redis: one round trip). When it returns, every vCon is stored and every id is queued;
 * if it throws, the caller may retry the whole call (a repeat stores the same documents again and
 * may queue an id twice, which at-least-once delivery allows).
 */
@FunctionalInterface
public interface VconIngest {
    void ingest(List<Vcon> vcons, List<String> lists);

    /** Store first, then queue: an id is never queued before its vCon can be read. */
    static VconIngest sequential(VconStore store, WorkQueue queue) {
        return (vcons, lists) -> {
            store.putAll(vcons);
            List<String> ids = vcons.stream().map(Vcon::uuid).toList();
            for (String list : lists) {
                queue.pushAll(list, ids);
            }
        };
    }
}
