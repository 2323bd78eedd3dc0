package io.conserver.app.runtime;

import io.conserver.domain.link.Link;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One version of the configuration, compiled: every chain planned, every link and storage built.
 * Built once per configuration change, so no run re-parses anything.
 */
final class CompiledConfig implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledConfig.class);

    private final long version;
    private final Map<String, ChainPlan> chains;
    private final Map<String, Link> links;
    private final Map<String, StorageStep> storages;

    CompiledConfig(long version, Map<String, ChainPlan> chains, Map<String, Link> links, Map<String, StorageStep> storages) {
        this.version = version;
        this.chains = new LinkedHashMap<>(chains);
        this.links = new LinkedHashMap<>(links);
        this.storages = new LinkedHashMap<>(storages);
    }

    long version() {
        return version;
    }

    Map<String, ChainPlan> chains() {
        return chains;
    }

    Map<String, StorageStep> storages() {
        return storages;
    }

    /** The enabled chains that name {@code ingressList}, continuously (timer chains take on their ticks). */
    List<ChainPlan> continuousConsumersOf(String ingressList) {
        List<ChainPlan> consumers = new ArrayList<>();
        for (ChainPlan plan : chains.values()) {
            if (plan.spec().schedule().isEmpty() && plan.spec().ingressLists().contains(ingressList)) {
                consumers.add(plan);
            }
        }
        return consumers;
    }

    Set<String> ingressLists() {
        Set<String> lists = new TreeSet<>();
        chains.values().forEach(plan -> lists.addAll(plan.spec().ingressLists()));
        return lists;
    }

    @Override
    public void close() {
        links.forEach((name, link) -> closeQuietly("link " + name, link));
        storages.forEach((name, step) -> closeQuietly("storage " + name, step.storage()));
    }

    private static void closeQuietly(String what, AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", what, e.toString());
        }
    }
}
