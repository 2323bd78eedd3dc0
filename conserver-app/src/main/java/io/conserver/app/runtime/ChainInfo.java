package io.conserver.app.runtime;

import java.util.List;

/** What the API shows about a configured chain. */
public record ChainInfo(String name, boolean enabled, List<String> links, List<String> storages,
                        List<String> ingressLists, List<String> egressLists, String runList, String resumeList,
                        String deadLetterList, int workers, boolean scheduled) {

    static ChainInfo of(ChainPlan plan) {
        var spec = plan.spec();
        return new ChainInfo(plan.name(), spec.isEnabled(), spec.links(), spec.storages(), spec.ingressLists(),
                spec.egressLists(), plan.runList(), plan.resumeList(), plan.deadLetterList(), spec.workers(),
                spec.schedule().isPresent());
    }
}
