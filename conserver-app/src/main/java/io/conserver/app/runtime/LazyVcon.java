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
                    loaded = read().orElseThrow(() -> new VconNotFoundException(uuid));
                    current = loaded;
                }
                now = current;
            }
        }
        return now;
    }

    private java.util.Optional<Vcon> read() {
        try {
            return store.get(uuid);
        } catch (RuntimeException e) {
            throw new StoreUnavailable(e);
        }
    }

    /**
     * The working store failed while the run read its vCon. That is no fault of the link, so the run
     * stops without retrying the link or dead-lettering the vCon: the worker gives the item back and
     * backs off, and the item runs again once the store answers (an outage longer than a link's retries
     * must not turn into dead letters).
     */
    static final class StoreUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreUnavailable(RuntimeException cause) {
            super("the working store failed while reading the vCon: " + cause.getMessage(), cause);
        }
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
