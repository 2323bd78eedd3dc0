package io.conserver.app.runtime;

import io.conserver.domain.port.out.Lease;
import io.conserver.domain.port.out.WorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers and timers running one {@link CompiledConfig}. A configuration change starts a new
 * deployment and stops the old one gracefully: stop taking, let in-flight runs finish until the
 * deadline, then interrupt what is left (those items go back to the head of their lists).
 */
final class Deployment {
    private static final Logger LOG = LoggerFactory.getLogger(Deployment.class);

    private final CompiledConfig config;
    private final ChainRunner runner;
    private final RuntimeParts parts;
    private final ThreadFactory threads;
    private final List<ListWorker> workers = new ArrayList<>();
    private final List<Thread> running = new ArrayList<>();
    private final List<Runnable> timers = new ArrayList<>();

    Deployment(CompiledConfig config, ChainRunner runner, RuntimeParts parts, ThreadFactory threads) {
        this.config = config;
        this.runner = runner;
        this.parts = parts;
        this.threads = threads;
    }

    CompiledConfig config() {
        return config;
    }

    void start(ScheduledExecutorService scheduler) {
        for (ChainPlan plan : config.chains().values()) {
            if (plan.spec().isEnabled()) {
                startChain(plan, scheduler);
            }
        }
        for (String ingress : config.ingressLists()) {
            List<ChainPlan> consumers = config.continuousConsumersOf(ingress);
            if (consumers.size() > 1) {
                add(new ListWorker(parts.queue(), ingress, Duration.ofMinutes(1), lease -> fanOut(lease, consumers)));
            }
        }
        workers.forEach(w -> running.add(start(w)));
        LOG.info("configuration version {} running: {} chains, {} workers", config.version(), config.chains().size(), workers.size());
    }

    private void startChain(ChainPlan plan, ScheduledExecutorService scheduler) {
        Duration lease = runner.leaseFor(plan);
        for (int i = 0; i < plan.spec().workers(); i++) {
            add(new ListWorker(parts.queue(), plan.runList(), lease, l -> runner.run(plan, l.id(), 0, l)));
            add(new ListWorker(parts.queue(), plan.resumeList(), lease, l -> resume(plan, l)));
            if (plan.spec().schedule().isEmpty()) {
                for (String ingress : plan.spec().ingressLists()) {
                    boolean shared = config.continuousConsumersOf(ingress).size() > 1;
                    String source = shared ? plan.fanOutList(ingress) : ingress;
                    add(new ListWorker(parts.queue(), source, lease, l -> runner.run(plan, l.id(), 0, l)));
                }
            }
        }
        plan.spec().schedule().ifPresent(schedule ->
                timers.add(new TimerTrigger(plan, schedule, parts).schedule(scheduler)));
    }

    private void resume(ChainPlan plan, Lease lease) throws InterruptedException {
        int at = Resume.position(plan.name(), parts.history().read(lease.id()));
        runner.run(plan, lease.id(), at, lease);
    }

    private void fanOut(Lease lease, List<ChainPlan> consumers) {
        WorkQueue queue = parts.queue();
        // Every consuming chain gets its own copy; the shared item is acked only after all pushes.
        consumers.forEach(plan -> queue.push(plan.fanOutList(lease.list()), lease.id()));
    }

    private void add(ListWorker worker) {
        workers.add(worker);
    }

    private Thread start(ListWorker worker) {
        Thread thread = threads.newThread(worker);
        thread.setName("conserver-worker-" + worker.list());
        thread.start();
        return thread;
    }

    /** Stops taking at once, waits for in-flight runs until {@code deadline}, then interrupts the rest. */
    void stop(Duration deadline) throws InterruptedException {
        timers.forEach(Runnable::run);
        workers.forEach(ListWorker::requestStop);
        long end = System.nanoTime() + deadline.toNanos();
        for (Thread thread : running) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        }
        workers.forEach(ListWorker::interrupt);
        for (Thread thread : running) {
            thread.join(5000);
            if (thread.isAlive()) {
                LOG.warn("worker {} did not stop; its item will return when its lease runs out", thread.getName());
            }
        }
    }
}
