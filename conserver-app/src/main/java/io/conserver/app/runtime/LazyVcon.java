package io.conserver.app.runtime;

import io.conserver.domain.error.VconNotFoundException;
import io.conserver.domain.link.LinkInput;
import io.conserver.domain.port.out.VconStore;
import io.conserver.domain.vcon.Vcon;

/**
 * The vCon of one chain run: read from the store on first use only, then carried from link to link
 * in memory, so a run costs at most one read however many links look at it.
 */
final class LazyVcon implements LinkInput {
    private final String uuid;
    private final VconStore store;
    private volatile Vcon loaded;
    private volatile Vcon current;

    LazyVcon(String uuid, VconStore store) {
        this.uuid = uuid;
        this.store = store;
    }

    @Override
    public String uuid() {
        return uuid;
    }

    @Override
    public Vcon vcon() {
        Vcon now = current;
        if (now == null) {
            synchronized (this) {
                if (current == null) {
                    loaded = store.get(uuid).orElseThrow(() -> new VconNotFoundException(uuid));
                    current = loaded;
                }
                now = current;
            }
        }
        return now;
    }

    /** A link produced a new version of the vCon. */
    synchronized void replace(Vcon next) {
        if (next != null) {
            current = next;
        }
    }

    /** True when some link changed the vCon, so the run must write it back. */
    boolean changed() {
        return current != null && current != loaded;
    }
}
