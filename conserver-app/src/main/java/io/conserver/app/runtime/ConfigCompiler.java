package io.conserver.app.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conserver.app.config.ChainSpec;
import io.conserver.app.config.ConfigProblem;
import io.conserver.app.config.InvalidConfigException;
import io.conserver.app.config.OptionsBinder;
import io.conserver.app.config.PluginSpec;
import io.conserver.app.config.RetryPolicy;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkFactory;
import io.conserver.domain.port.out.ConfigKind;
import io.conserver.domain.port.out.ConfigSnapshot;
import io.conserver.domain.port.out.StorageFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns stored configuration documents into a {@link CompiledConfig}, checking everything on the way
 * and reporting every problem at once with its path: unknown plugin types (with the known ones),
 * options that do not bind or validate, chains that name links or storages that do not exist.
 */
public final class ConfigCompiler {
    private final Plugins plugins;
    private final OptionsBinder binder;

    public ConfigCompiler(Plugins plugins, OptionsBinder binder) {
        this.plugins = plugins;
        this.binder = binder;
    }

    /** Checks a configuration without keeping anything it builds. */
    public void check(ConfigSnapshot snapshot) {
        compile(snapshot).close();
    }

    CompiledConfig compile(ConfigSnapshot snapshot) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Link> links = new LinkedHashMap<>();
        Map<String, PluginSpec> linkSpecs = new LinkedHashMap<>();
        Map<String, StorageStep> storages = new LinkedHashMap<>();
        snapshot.of(ConfigKind.LINK).forEach((name, doc) -> buildLink(name, doc, problems, links, linkSpecs));
        snapshot.of(ConfigKind.STORAGE).forEach((name, doc) -> buildStorage(name, doc, problems, storages));
        Map<String, ChainPlan> chains = new LinkedHashMap<>();
        snapshot.of(ConfigKind.CHAIN).forEach((name, doc) ->
                planChain(name, doc, problems, links, linkSpecs, storages, snapshot).ifPresent(p -> chains.put(name, p)));
        CompiledConfig compiled = new CompiledConfig(snapshot.version(), chains, links, storages);
        if (!problems.isEmpty()) {
            compiled.close();
            throw new InvalidConfigException(problems);
        }
        return compiled;
    }

    private void buildLink(String name, ObjectNode doc, List<ConfigProblem> problems, Map<String, Link> links,
                           Map<String, PluginSpec> specs) {
        String path = "links." + name;
        collect(problems, path, () -> {
            PluginSpec spec = binder.bind(path, doc, PluginSpec.class);
            LinkFactory<?> factory = plugins.link(spec.type()).orElseThrow(() -> InvalidConfigException.of(
                    path + ".type", "unknown link type '" + spec.type() + "'; known types are " + plugins.linkTypes()));
            links.put(name, create(factory, name, spec, path + ".options"));
            specs.put(name, spec);
        });
    }

    private <O> Link create(LinkFactory<O> factory, String name, PluginSpec spec, String path) {
        return factory.create(name, binder.bind(path, spec.options(), factory.optionsType()));
    }

    private void buildStorage(String name, ObjectNode doc, List<ConfigProblem> problems, Map<String, StorageStep> storages) {
        String path = "storages." + name;
        collect(problems, path, () -> {
            PluginSpec spec = binder.bind(path, doc, PluginSpec.class);
            StorageFactory<?> factory = plugins.storage(spec.type()).orElseThrow(() -> InvalidConfigException.of(
                    path + ".type", "unknown storage type '" + spec.type() + "'; known types are " + plugins.storageTypes()));
            RetryPolicy retry = spec.retry().orElse(RetryPolicy.DEFAULT);
            String deadLetter = spec.deadLetter().orElse("DLQ:storage:" + name);
            storages.put(name, new StorageStep(name, create(factory, name, spec, path + ".options"), retry, deadLetter));
        });
    }

    private <O> io.conserver.domain.port.out.Storage create(StorageFactory<O> factory, String name, PluginSpec spec, String path) {
        return factory.create(name, binder.bind(path, spec.options(), factory.optionsType()));
    }

    private Optional<ChainPlan> planChain(String name, ObjectNode doc, List<ConfigProblem> problems, Map<String, Link> links,
                                          Map<String, PluginSpec> linkSpecs, Map<String, StorageStep> storages,
                                          ConfigSnapshot snapshot) {
        String path = "chains." + name;
        // A link or storage that is defined but failed to build has its own problem reported already;
        // the chain naming it is then left unplanned without a second, misleading "not defined".
        boolean namesABrokenPlugin = false;
        ChainSpec spec;
        List<ConfigProblem> found = new ArrayList<>();
        try {
            spec = binder.map(path, doc, ChainSpec.class);
        } catch (InvalidConfigException e) {
            found.addAll(e.problems());
            spec = null;
        }
        if (spec != null) {
            try {
                binder.validate(path, spec);
            } catch (InvalidConfigException e) {
                found.addAll(e.problems());
            }
        }
        if (spec == null || spec.links() == null) {
            problems.addAll(found);
            return Optional.empty();
        }
        List<LinkStep> steps = new ArrayList<>();
        for (int i = 0; i < spec.links().size(); i++) {
            String link = spec.links().get(i);
            if (!linkSpecs.containsKey(link) && snapshot.of(ConfigKind.LINK).containsKey(link)) {
                namesABrokenPlugin = true;
            } else if (!linkSpecs.containsKey(link)) {
                found.add(new ConfigProblem(path + ".links[" + i + "]", "no link named '" + link + "' is defined under links"));
            } else {
                steps.add(new LinkStep(link, links.get(link), linkSpecs.get(link).timeout().orElse(spec.linkTimeout())));
            }
        }
        List<StorageStep> chainStorages = new ArrayList<>();
        for (int i = 0; i < spec.storages().size(); i++) {
            String storage = spec.storages().get(i);
            if (!storages.containsKey(storage) && snapshot.of(ConfigKind.STORAGE).containsKey(storage)) {
                namesABrokenPlugin = true;
            } else if (!storages.containsKey(storage)) {
                found.add(new ConfigProblem(path + ".storages[" + i + "]", "no storage named '" + storage + "' is defined under storages"));
            } else {
                chainStorages.add(storages.get(storage));
            }
        }
        spec.schedule().flatMap(s -> s.cron()).ifPresent(cron -> {
            try {
                TimerTrigger.checkCron(cron);
            } catch (IllegalArgumentException e) {
                found.add(new ConfigProblem(path + ".schedule.cron", "'" + cron + "' is not a cron expression (five fields: minute hour day month weekday): " + e.getMessage()));
            }
        });
        problems.addAll(found);
        return found.isEmpty() && !namesABrokenPlugin ? Optional.of(new ChainPlan(name, spec, steps, chainStorages)) : Optional.empty();
    }

    private static void collect(List<ConfigProblem> problems, String path, Runnable step) {
        try {
            step.run();
        } catch (InvalidConfigException e) {
            problems.addAll(e.problems());
        } catch (RuntimeException e) {
            // A factory refusing its (validated) options, e.g. a root directory it cannot create.
            problems.add(new ConfigProblem(path, "cannot be built: " + e.getMessage()));
        }
    }
}
