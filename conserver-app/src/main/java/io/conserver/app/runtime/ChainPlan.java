package io.conserver.app.runtime;

import io.conserver.app.config.ChainSpec;
import java.util.List;

/**
 * A chain ready to run: its settings, its links in order with their time limits, and its storages.
 * The list names the runtime derives for the chain are here too, so they are spelled in one place.
 */
record ChainPlan(String name, ChainSpec spec, List<LinkStep> links, List<StorageStep> storages) {

    /** Ids pushed here (by a request, a timer tick or a replay) run the chain from its first link. */
    String runList() {
        return name + ":run";
    }

    /** Ids coming back from a hand-off resume the chain after the link that handed them off. */
    String resumeList() {
        return name + ":resume";
    }

    /** This chain's own copy of an ingress list it shares with other chains (fan-out). */
    String fanOutList(String ingressList) {
        return name + ":in:" + ingressList;
    }

    String deadLetterList() {
        return spec.errors().deadLetter().orElse("DLQ:" + name);
    }
}
