package io.conserver.app.runtime;

import io.conserver.app.config.InvalidConfigException;
import io.conserver.domain.error.ConserverException;
import io.conserver.domain.error.ErrorCategory;
import io.conserver.domain.port.out.Subscription;
import io.conserver.domain.port.out.ConfigKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import io.conserver.domain.port.out.Storage;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain engine: runs every enabled chain of the configuration held in the {@code ConfigStore},
 * follows changes to it without a restart, requeues the items of dead workers, and stops gracefully.
 */
public final class ConserverEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConserverEngine.class);

    private final RuntimeParts parts;
    private final ConfigCompiler compiler;
    private final ExecutorService linkThreads = Executors.newCachedThreadPool(named("conserver-link"));
    private final ExecutorService storageThreads = Executors.newCachedThreadPool(named("conserver-storage"));
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, named("conserver-timer"));
    private final ExecutorService control = Executors.newSingleThreadExecutor(named("conserver-reload"));
    private final ChainRunner runner;
    private final EngineSettings settings;
    private volatile Deployment deployment;
    private Subscription configChanges;

    public ConserverEngine(RuntimeParts parts, ConfigCompiler compiler, EngineSettings settings) {
        this(parts, compiler, settings, RunListener.NONE);
    }

    public ConserverEngine(RuntimeParts parts, ConfigCompiler compiler, EngineSettings settings, RunListener listener) {
        this.parts = parts;
        this.compiler = compiler;
        this.settings = settings;
        StorageStage storages = new StorageStage(storageThreads, parts.queue(), parts.clock());
        this.runner = new ChainRunner(parts, new TimedLinkCall(linkThreads), storages, listener, settings.leaseMargin());
    }

    /** Compiles the stored configuration and starts its workers; an invalid configuration refuses to start. */
    public synchronized void start() {
        CompiledConfig compiled = compiler.compile(parts.config().snapshot());
        deploy(compiled);
        configChanges = parts.config().onChange(version -> control.execute(this::reload));
        long reapMs = settings.reapEvery().toMillis();
        scheduler.scheduleWithFixedDelay(this::reap, reapMs, reapMs, TimeUnit.MILLISECONDS);
    }

    /** The configuration version running now. */
    public long runningVersion() {
        Deployment d = deployment;
        return d == null ? 0 : d.config().version();
    }

    /** Reloads the configuration from the store if it changed; a bad one is logged and the running one kept. */
    public synchronized void reload() {
        Deployment current = deployment;
        if (current == null || parts.config().version() == current.config().version()) {
            return;
        }
        try {
            CompiledConfig next = compiler.compile(parts.config().snapshot());
            stopDeployment(current);
            deploy(next);
        } catch (InvalidConfigException e) {
            LOG.error("configuration version {} is invalid and was not applied; still running version {}: {}",
                    parts.config().version(), current.config().version(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a chain over the given ids (the request trigger): they join the chain's run list. */
    public void run(String chain, List<String> ids) {
        ChainPlan plan = plan(chain);
        if (!plan.spec().isEnabled()) {
            throw new ChainStateException("chain " + chain + " is disabled; enable it before running it");
        }
        parts.queue().pushAll(plan.runList(), ids);
    }

    /**
     * Enables or disables a chain by changing its stored configuration, so the change reaches every
     * instance sharing the store. A restart loads the configuration file again, so a change meant to last
     * belongs in the file too. Returns the new configuration version.
     */
    public long setEnabled(String chain, boolean enabled) {
        ObjectNode doc = parts.config().get(ConfigKind.CHAIN, chain)
                .orElseThrow(() -> new ChainStateException(ErrorCategory.NOT_FOUND, "no chain named " + chain + " is configured"));
        doc.put("enabled", enabled);
        return parts.config().put(ConfigKind.CHAIN, chain, doc);
    }

    /** The running plan of a chain. */
    ChainPlan plan(String chain) {
        Deployment d = deployment;
        ChainPlan plan = d == null ? null : d.config().chains().get(chain);
        if (plan == null) {
            throw new ChainStateException(ErrorCategory.NOT_FOUND, "no chain named " + chain + " is configured");
        }
        return plan;
    }

    /** The names of the chains of the running configuration, in configuration order. */
    public List<ChainInfo> chains() {
        Deployment d = deployment;
        if (d == null) {
            return List.of();
        }
        return d.config().chains().values().stream().map(ChainInfo::of).toList();
    }

    /** The dead-letter list a storage's failed saves go to, if such a storage is configured. */
    public Optional<String> storageDeadLetterList(String storage) {
        Deployment d = deployment;
        return Optional.ofNullable(d == null ? null : d.config().storages().get(storage)).map(StorageStep::deadLetterList);
    }

    /** The ingress lists the running chains take from; the API refuses ids for any other list. */
    public Set<String> ingressLists() {
        Deployment d = deployment;
        return d == null ? Set.of() : d.config().ingressLists();
    }

    /** The egress lists the running chains push to. */
    public Set<String> egressLists() {
        Set<String> lists = new TreeSet<>();
        Deployment d = deployment;
        if (d != null) {
            d.config().chains().values().forEach(plan -> lists.addAll(plan.spec().egressLists()));
        }
        return lists;
    }

    /** Every dead-letter list of the running configuration: one per chain and one per storage. */
    public Set<String> deadLetterListNames() {
        Set<String> lists = new TreeSet<>();
        Deployment d = deployment;
        if (d != null) {
            d.config().chains().values().forEach(plan -> lists.add(plan.deadLetterList()));
            d.config().storages().values().forEach(step -> lists.add(step.deadLetterList()));
        }
        return lists;
    }

    /** The storages of the running configuration by name, for deletes and health checks. */
    public Map<String, Storage> storages() {
        Deployment d = deployment;
        Map<String, Storage> storages = new LinkedHashMap<>();
        if (d != null) {
            d.config().storages().forEach((name, step) -> storages.put(name, step.storage()));
        }
        return storages;
    }

    /** The replayer of dead letters against the running configuration. */
    public DeadLetterReplay deadLetters() {
        return new DeadLetterReplay(parts, () -> deployment.config());
    }

    private void deploy(CompiledConfig compiled) {
        Deployment next = new Deployment(compiled, runner, parts, named("conserver-worker"));
        next.start(scheduler);
        deployment = next;
    }

    private void stopDeployment(Deployment d) throws InterruptedException {
        d.stop(settings.drainDeadline());
        d.config().close();
    }

    private void reap() {
        try {
            int requeued = parts.queue().requeueExpired();
            if (requeued > 0) {
                LOG.warn("requeued {} items whose workers stopped holding their leases", requeued);
            }
        } catch (RuntimeException e) {
            LOG.warn("lease reaper failed: {}", e.toString());
        }
    }

    /** Stops taking work, lets in-flight runs finish until the drain deadline, then releases the rest. */
    @Override
    public synchronized void close() {
        if (configChanges != null) {
            configChanges.close();
        }
        control.shutdownNow();
        scheduler.shutdownNow();
        Deployment d = deployment;
        deployment = null;
        try {
            if (d != null) {
                stopDeployment(d);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            linkThreads.shutdownNow();
            storageThreads.shutdownNow();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A request that does not fit the chain's state (unknown or disabled). */
    public static final class ChainStateException extends ConserverException {
        private static final long serialVersionUID = 1L;

        ChainStateException(String message) {
            super(ErrorCategory.INVALID_INPUT, message);
        }

        ChainStateException(ErrorCategory category, String message) {
            super(category, message);
        }
    }
}
