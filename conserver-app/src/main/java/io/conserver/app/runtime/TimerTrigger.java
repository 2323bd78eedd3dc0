package io.conserver.app.runtime;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.conserver.app.config.ScheduleSpec;
import io.conserver.app.config.StoreQuerySpec;
import io.conserver.domain.port.out.VconListQuery;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a chain on a timer: on each tick, the ids then waiting in its ingress lists (or those a store
 * query finds) are moved to the chain's run list, where its workers take them. Moving rather than
 * processing on the timer thread keeps the usual leases, retries and dead letters.
 */
final class TimerTrigger {
    private static final Logger LOG = LoggerFactory.getLogger(TimerTrigger.class);
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final ChainPlan plan;
    private final ScheduleSpec schedule;
    private final RuntimeParts parts;

    TimerTrigger(ChainPlan plan, ScheduleSpec schedule, RuntimeParts parts) {
        this.plan = plan;
        this.schedule = schedule;
        this.parts = parts;
    }

    /** Checks a cron expression, throwing IllegalArgumentException with the parser's reason. */
    static void checkCron(String expression) {
        CRON.parse(expression).validate();
    }

    /** Starts the timer; the returned action cancels it. */
    Runnable schedule(ScheduledExecutorService scheduler) {
        if (schedule.every().isPresent()) {
            long ms = schedule.every().get().toMillis();
            ScheduledFuture<?> future = scheduler.scheduleAtFixedRate(this::tick, ms, ms, TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        }
        ExecutionTime times = ExecutionTime.forCron(CRON.parse(schedule.cron().orElseThrow()));
        return new CronTask(times, scheduler).start();
    }

    void tick() {
        try {
            int moved = schedule.query().map(this::fromQuery).orElseGet(this::fromIngress);
            LOG.debug("timer of chain {} queued {} vCons", plan.name(), moved);
        } catch (RuntimeException e) {
            LOG.error("timer of chain {} failed: {}", plan.name(), e.toString());
        }
    }

    private int fromIngress() {
        int moved = 0;
        for (String list : plan.spec().ingressLists()) {
            long waiting = parts.queue().length(list);
            moved += parts.queue().move(list, plan.runList(), (int) Math.min(Integer.MAX_VALUE, waiting));
        }
        return moved;
    }

    private int fromQuery(StoreQuerySpec query) {
        List<String> ids = parts.store().list(VconListQuery.createdBefore(
                parts.clock().instant().minus(query.olderThan()), query.limit()));
        parts.queue().pushAll(plan.runList(), ids);
        return ids.size();
    }

    /** Reschedules itself after each tick at the cron expression's next time. */
    private final class CronTask {
        private final ExecutionTime times;
        private final ScheduledExecutorService scheduler;
        private volatile ScheduledFuture<?> pending;
        private volatile boolean cancelled;

        CronTask(ExecutionTime times, ScheduledExecutorService scheduler) {
            this.times = times;
            this.scheduler = scheduler;
        }

        Runnable start() {
            next();
            return () -> {
                cancelled = true;
                ScheduledFuture<?> current = pending;
                if (current != null) {
                    current.cancel(false);
                }
            };
        }

        private void next() {
            if (cancelled) {
                return;
            }
            ZonedDateTime now = ZonedDateTime.now(parts.clock());
            times.timeToNextExecution(now).map(Duration::toMillis).ifPresent(ms ->
                    pending = scheduler.schedule(() -> {
                        tick();
                        next();
                    }, Math.max(1, ms), TimeUnit.MILLISECONDS));
        }
    }
}
