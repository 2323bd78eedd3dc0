package io.conserver.app.usecase;

import io.conserver.domain.port.out.VconIngest;
import io.conserver.domain.port.out.VconStore;
import io.conserver.domain.port.out.WorkQueue;
import io.conserver.domain.vcon.Problem;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.jose.VconOpener;
import java.util.List;

/**
 * Takes a vCon in from outside: opens it in whatever form it came (plain, gzip, signed, encrypted),
 * validates it, stores it and only then pushes its id to the ingress lists asked for. The lists are
 * checked before anything is stored, so a refused request changes nothing.
 */
public final class VconIntake {
    private final VconStore store;
    private final WorkQueue queue;
    private final VconIngest ingest;
    private final VconOpener opener;
    private final KnownLists lists;

    public VconIntake(VconStore store, WorkQueue queue, VconOpener opener, KnownLists lists) {
        this(store, queue, VconIngest.sequential(store, queue), opener, lists);
    }

    /** With the working store's own ingest (Redis: store, index and queue in one round trip). */
    public VconIntake(VconStore store, WorkQueue queue, VconIngest ingest, VconOpener opener, KnownLists lists) {
        this.store = store;
        this.queue = queue;
        this.ingest = ingest;
        this.opener = opener;
        this.lists = lists;
    }

    /** What was accepted, with the warnings validation raised. */
    public record Accepted(Vcon vcon, List<Problem> warnings) {
    }

    /** Opens, validates and stores {@code body}, then pushes its id to {@code ingressLists}. */
    public Accepted accept(byte[] body, List<String> ingressLists) {
        lists.requireIngress("ingress_lists", ingressLists);
        VconOpener.Opened opened = opener.open(body);
        ingest.ingest(List.of(opened.vcon()), ingressLists);
        return new Accepted(opened.vcon(), opened.warnings());
    }

    /** Opens and validates without storing: the bulk path checks every item before it stores any. */
    public Accepted open(byte[] body) {
        VconOpener.Opened opened = opener.open(body);
        return new Accepted(opened.vcon(), opened.warnings());
    }

    /** Stores already-opened vCons and pushes their ids, in order. */
    public void store(List<Vcon> vcons, List<String> ingressLists) {
        lists.requireIngress("ingress_lists", ingressLists);
        ingest.ingest(vcons, ingressLists);
    }

    /** Checks the lists alone, so a bulk request with a bad list fails before reading its body. */
    public void checkLists(List<String> ingressLists) {
        lists.requireIngress("ingress_lists", ingressLists);
    }

    /** Pushes ids of vCons already in the store to ingress lists; unknown ids are refused whole. */
    public void enqueue(String list, List<String> ids) {
        lists.requireIngress("ingress_list", List.of(list));
        requireStored(ids);
        queue.pushAll(list, ids);
    }

    /** Refuses the whole request, naming up to ten of them, if any id has no stored vCon. */
    public void requireStored(List<String> ids) {
        List<String> missing = ids.stream().filter(id -> !store.exists(id)).toList();
        if (!missing.isEmpty()) {
            throw RequestRefusedException.notFound("no vCon is stored under " + missing.subList(0, Math.min(10, missing.size()))
                    + (missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : "") + "; nothing was queued");
        }
    }
}
