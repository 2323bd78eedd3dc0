package io.conserver.app.runtime;

import io.conserver.app.config.RetryPolicy;
import io.conserver.domain.error.ConserverException;
import io.conserver.domain.error.ErrorCategory;
import io.conserver.domain.link.EmittedVcon;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.port.out.ChainEvent;
import io.conserver.domain.port.out.DeadLetter;
import io.conserver.domain.port.out.EventBus;
import io.conserver.domain.port.out.HistoryEntry;
import io.conserver.domain.port.out.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one vCon through one chain: links in order (each under its time limit and the chain's retry
 * policy), then one write of the vCon, the emitted vCons and deferred effects, then storages, then
 * egress. The vCon is read at most once and written at most once per run.
 */
final class ChainRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ChainRunner.class);
    private static final Duration RENEW_SLACK = Duration.ofSeconds(5);

    private final RuntimeParts parts;
    private final TimedLinkCall linkCall;
    private final StorageStage storageStage;
    private final RunListener listener;
    /** Slack on top of a link's limit, so a lease outlives the slowest permitted attempt. */
    private final Duration leaseMargin;

    ChainRunner(RuntimeParts parts, TimedLinkCall linkCall, StorageStage storageStage, RunListener listener,
                Duration leaseMargin) {
        this.parts = parts;
        this.leaseMargin = leaseMargin;
        this.linkCall = linkCall;
        this.storageStage = storageStage;
        this.listener = listener;
    }

    /** The lease a worker of this plan takes: the longest link time limit plus the margin. */
    Duration leaseFor(ChainPlan plan) {
        Duration longest = plan.links().stream().map(LinkStep::timeout).max(Duration::compareTo).orElse(plan.spec().linkTimeout());
        return longest.plus(leaseMargin);
    }

    RunResult run(ChainPlan plan, String uuid, int start, Lease lease) throws InterruptedException {
        Run run = new Run(plan, new LazyVcon(uuid, parts.store()), parts.clock().instant().plus(plan.spec().timeout()));
        for (int i = start; i < plan.links().size(); i++) {
            LinkStep step = plan.links().get(i);
            Optional<LinkOutcome> outcome = runStep(run, step, lease);
            if (outcome.isEmpty()) {
                return run.result;
            }
            Optional<RunResult> ended = apply(run, outcome.get(), i);
            if (ended.isPresent()) {
                return ended.get();
            }
        }
        writeAndApply(run);
        for (HistoryEntry saved : storageStage.saveAll(plan.name(), plan.storages(), run.input.vcon())) {
            run.history.add(saved);
            listener.storageFinished(plan.name(), saved.link().substring("storage:".length()), saved.outcome(), saved.duration());
        }
        plan.spec().egressLists().forEach(list -> parts.queue().push(list, uuid));
        return end(run, RunResult.DONE, "done", "");
    }

    /** Applies a link's outcome; a present result ends the run. */
    private Optional<RunResult> apply(Run run, LinkOutcome outcome, int index) {
        if (outcome instanceof LinkOutcome.Continue c) {
            run.input.replace(c.vcon());
        } else if (outcome instanceof LinkOutcome.Halt h) {
            writeAndApply(run);
            return Optional.of(end(run, RunResult.HALTED, "halt", h.reason()));
        } else if (outcome instanceof LinkOutcome.Emit e) {
            run.effects.emit(e.emitted());
            return apply(run, e.then(), index);
        } else if (outcome instanceof LinkOutcome.HandOff h) {
            run.input.replace(h.vcon());
            writeAndApply(run);
            parts.queue().push(h.list(), run.input.uuid());
            return Optional.of(end(run, RunResult.HANDED_OFF, "handoff", Resume.marker(index + 1)));
        }
        return Optional.empty();
    }

    /** Runs one link with retries; empty when the run must stop (failure or lost lease). */
    private Optional<LinkOutcome> runStep(Run run, LinkStep step, Lease lease) throws InterruptedException {
        RetryPolicy retry = run.plan.spec().errors().retry();
        for (int attempt = 1; ; attempt++) {
            Duration remaining = Duration.between(parts.clock().instant(), run.deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                return fail(run, step, attempt - 1, "chain " + run.plan.name() + " ran past its timeout of " + run.plan.spec().timeout());
            }
            Duration limit = step.timeout().compareTo(remaining) < 0 ? step.timeout() : remaining;
            if (!holdLease(run, lease, limit)) {
                run.result = RunResult.LEASE_LOST;
                LOG.warn("lease on vCon {} in chain {} ran out; leaving it to the worker that holds it now", run.input.uuid(), run.plan.name());
                return Optional.empty();
            }
            AttemptContext context = new AttemptContext(run.plan.name(), step.name(), parts.clock());
            long started = System.nanoTime();
            try {
                LinkOutcome outcome = linkCall.call(step, run.input, context, limit);
                run.effects.absorb(context.effects());
                record(run, step.name(), name(outcome), started, detail(outcome));
                return Optional.of(outcome);
            } catch (InterruptedException | LazyVcon.StoreUnavailable e) {
                throw e;
            } catch (Exception e) {
                LOG.warn("link {} of chain {} failed on vCon {} (attempt {} of {}): {}", step.name(), run.plan.name(),
                        run.input.uuid(), attempt, retry.maxAttempts(), e.toString());
                if (!retriable(e) || attempt >= retry.maxAttempts()) {
                    return fail(run, step, attempt, e.toString());
                }
                Thread.sleep(Math.min(retry.delayAfter(attempt).toMillis(), Math.max(0, remaining.toMillis())));
            }
        }
    }

    /**
     * Makes sure the lease outlasts the next attempt. Renewing costs a store write, so it happens only
     * when the time left is shorter than the attempt's limit plus a few seconds of slack.
     */
    private boolean holdLease(Run run, Lease lease, Duration limit) {
        Instant now = parts.clock().instant();
        if (run.leaseUntil == null) {
            run.leaseUntil = lease.expiresAt();
        }
        if (Duration.between(now, run.leaseUntil).compareTo(limit.plus(RENEW_SLACK)) > 0) {
            return true;
        }
        run.leaseUntil = now.plus(limit).plus(leaseMargin);
        return parts.queue().renew(lease, limit.plus(leaseMargin));
    }

    private Optional<LinkOutcome> fail(Run run, LinkStep step, int attempts, String reason) {
        parts.queue().deadLetter(run.plan.deadLetterList(), new DeadLetter(run.input.uuid(), reason, run.plan.name(),
                step.name(), attempts, parts.clock().instant(), Optional.of(run.plan.runList())));
        record(run, step.name(), "error", System.nanoTime(), reason);
        end(run, RunResult.FAILED, "error", reason);
        return Optional.empty();
    }

    /** The run's single write, then what links asked for once the vCon is stored. */
    private void writeAndApply(Run run) {
        if (run.input.changed()) {
            parts.store().put(run.input.vcon());
        }
        for (EmittedVcon emitted : run.effects.emitted()) {
            parts.store().put(emitted.vcon());
            emitted.lists().forEach(list -> parts.queue().push(list, emitted.vcon().uuid()));
        }
        run.effects.ttl().ifPresent(ttl -> parts.store().expire(run.input.uuid(), ttl));
        run.effects.pushes().forEach(list -> parts.queue().push(list, run.input.uuid()));
    }

    private RunResult end(Run run, RunResult result, String outcome, String detail) {
        run.result = result;
        Duration took = Duration.between(run.started, parts.clock().instant());
        run.history.add(new HistoryEntry(run.plan.name(), Resume.CHAIN_ENTRY, outcome, took, parts.clock().instant(), detail));
        parts.history().append(run.input.uuid(), run.history);
        publish(run, Optional.empty(), outcome);
        listener.chainFinished(run.plan.name(), outcome, took);
        return result;
    }

    private void record(Run run, String link, String outcome, long startedNanos, String detail) {
        Duration took = Duration.ofNanos(Math.max(0, System.nanoTime() - startedNanos));
        run.history.add(new HistoryEntry(run.plan.name(), link, outcome, took, parts.clock().instant(), detail));
        publish(run, Optional.of(link), outcome);
        listener.linkFinished(run.plan.name(), link, outcome, took);
    }

    private void publish(Run run, Optional<String> link, String outcome) {
        ChainEvent event = new ChainEvent(run.input.uuid(), run.plan.name(), link, outcome, parts.clock().instant());
        parts.events().publish(EventBus.GLOBAL_CHANNEL, event);
        parts.events().publish(EventBus.chainChannel(run.plan.name()), event);
    }

    private static boolean retriable(Exception e) {
        return !(e instanceof ConserverException c)
                || (c.category() != ErrorCategory.INVALID_INPUT && c.category() != ErrorCategory.NOT_FOUND);
    }

    private static String name(LinkOutcome outcome) {
        if (outcome instanceof LinkOutcome.Halt) {
            return "halt";
        }
        if (outcome instanceof LinkOutcome.Emit) {
            return "emit";
        }
        return outcome instanceof LinkOutcome.HandOff ? "handoff" : "continue";
    }

    private static String detail(LinkOutcome outcome) {
        if (outcome instanceof LinkOutcome.Halt h) {
            return h.reason();
        }
        if (outcome instanceof LinkOutcome.Emit e) {
            return e.emitted().size() + " emitted";
        }
        return outcome instanceof LinkOutcome.HandOff h ? "to " + h.list() : "";
    }

    /** The state of one run as it goes. */
    private final class Run {
        final ChainPlan plan;
        final LazyVcon input;
        final Instant deadline;
        final Instant started = parts.clock().instant();
        final RunEffects effects = new RunEffects();
        final List<HistoryEntry> history = new ArrayList<>();
        RunResult result;
        Instant leaseUntil;

        Run(ChainPlan plan, LazyVcon input, Instant deadline) {
            this.plan = plan;
            this.input = input;
            this.deadline = deadline;
        }
    }
}
