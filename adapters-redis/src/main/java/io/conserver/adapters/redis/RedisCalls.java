package io.conserver.adapters.redis;

import io.conserver.domain.error.RetriableException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The one place where Redisson is called: batches that are MULTI/EXEC on one server and plain
 * pipelines on a cluster (where a transaction may not span slots), scripts, and the translation of
 * Redisson's failures into {@link RetriableException}.
 */
final class RedisCalls {
    private final RedissonClient client;
    private final boolean cluster;

    RedisCalls(RedissonClient client, boolean cluster) {
        this.client = client;
        this.cluster = cluster;
    }

    RedissonClient client() {
        return client;
    }

    boolean cluster() {
        return cluster;
    }

    /** A batch sent in one round trip: atomic (MULTI/EXEC) on a single server, a pipeline on a cluster. */
    RBatch batch() {
        return client.createBatch(BatchOptions.defaults().executionMode(
                cluster ? BatchOptions.ExecutionMode.IN_MEMORY : BatchOptions.ExecutionMode.IN_MEMORY_ATOMIC));
    }

    /** A pipeline, never a transaction: for reads and independent writes. */
    RBatch pipeline() {
        return client.createBatch(BatchOptions.defaults().executionMode(BatchOptions.ExecutionMode.IN_MEMORY));
    }

    BatchResult<?> execute(RBatch batch) {
        return call(batch::execute);
    }

    /** Runs a script on the node of {@code keys[0]}; every key must hash to that slot. */
    <R> R eval(RScript.Mode mode, String script, RScript.ReturnType type, List<String> keys, Object... args) {
        return call(() -> client.getScript(StringCodec.INSTANCE)
                .eval(keys.get(0), mode, script, type, List.copyOf(keys), args));
    }

    static <R> RFuture<R> eval(RBatch batch, RScript.Mode mode, String script, RScript.ReturnType type,
                               List<String> keys, Object... args) {
        RScriptAsync scripts = batch.getScript(StringCodec.INSTANCE);
        return scripts.evalAsync(keys.get(0), mode, script, type, List.copyOf(keys), args);
    }

    static Object[] args(Object... args) {
        return Arrays.stream(args).map(String::valueOf).toArray();
    }

    /** The result of a future already completed by an executed batch. */
    static <T> T done(RFuture<T> future) {
        return future.toCompletableFuture().join();
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RedisException | CompletionException | CancellationException e) {
            throw unavailable(e);
        }
    }

    static <T> T await(RFuture<T> future) throws InterruptedException {
        try {
            return future.toCompletableFuture().get();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw unavailable(e.getCause() == null ? e : e.getCause());
        }
    }

    static RetriableException unavailable(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return new RetriableException("Redis call failed: " + cause.getMessage()
                + "; check that Redis is reachable and healthy", cause);
    }
}
